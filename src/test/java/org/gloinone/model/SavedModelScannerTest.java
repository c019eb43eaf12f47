package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The graph scan on hand-built SavedModel protos: the main graph, library functions, and the saver's
 * standard save/restore paths (TensorFlow 1 style nodes and TensorFlow 2 style traced functions).
 */
class SavedModelScannerTest {
    @TempDir
    Path dir;

    private static NodeDef node(String name, String op, String... inputs) {
        return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs)).build();
    }

    private static NodeDef call(String name, String function, String... inputs) {
        return NodeDef.newBuilder(node(name, "StatefulPartitionedCall", inputs))
                .putAttr("f", AttrValue.newBuilder().setFunc(NameAttrList.newBuilder().setName(function)).build())
                .build();
    }

    private static FunctionDef function(String name, NodeDef... nodes) {
        return FunctionDef.newBuilder().setSignature(OpDef.newBuilder().setName(name))
                .addAllNodeDef(List.of(nodes)).build();
    }

    private List<SavedModelScanner.Finding> scan(GraphDef graph, SaverDef saver) throws Exception {
        SavedModel model = SavedModel.newBuilder().addMetaGraphs(MetaGraphDef.newBuilder()
                .setGraphDef(graph).setSaverDef(saver)).build();
        Files.write(dir.resolve("saved_model.pb"), model.toByteArray());
        return SavedModelScanner.scan(dir);
    }

    @Test
    void forbiddenOpInsideALibraryFunctionIsFound() throws Exception {
        GraphDef g = GraphDef.newBuilder()
                .addNode(node("image", "Placeholder"))
                .addNode(call("model", "inference", "image"))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(
                        function("inference", node("conv", "Conv2D"), node("callback", "EagerPyFunc"))))
                .build();
        List<SavedModelScanner.Finding> f = scan(g, SaverDef.getDefaultInstance());
        assertEquals(1, f.size());
        assertEquals("op EagerPyFunc (node 'callback' in function 'inference')", f.get(0).toString());
    }

    @Test
    void restoreIsAllowedOnlyOnTheSaversRestorePath() throws Exception {
        GraphDef g = GraphDef.newBuilder()
                .addNode(node("save/filename", "Placeholder"))
                .addNode(node("save/RestoreV2", "RestoreV2", "save/filename"))
                .addNode(node("save/Assign", "Assign", "save/RestoreV2"))
                .addNode(node("save/restore_all", "NoOp", "^save/Assign"))
                .addNode(node("save/SaveV2", "SaveV2", "save/filename"))
                .addNode(node("save/control_dependency", "Identity", "save/filename", "^save/SaveV2"))
                .addNode(node("sneaky", "RestoreV2", "save/filename"))
                .build();
        SaverDef saver = SaverDef.newBuilder().setFilenameTensorName("save/filename:0")
                .setRestoreOpName("save/restore_all").setSaveTensorName("save/control_dependency:0").build();
        List<SavedModelScanner.Finding> f = scan(g, saver);
        assertEquals(List.of("op RestoreV2 (node 'sneaky' in the graph)"), f.stream().map(Object::toString).toList());
    }

    @Test
    void aWriteWiredIntoBothTheSaveAndTheRestorePathIsRefused() throws Exception {
        // The restore path runs at every load: a SaveV2 it reaches would write files the model chooses.
        GraphDef g = GraphDef.newBuilder()
                .addNode(node("save/filename", "Placeholder"))
                .addNode(node("save/RestoreV2", "RestoreV2", "save/filename"))
                .addNode(node("save/Assign", "Assign", "save/RestoreV2"))
                .addNode(node("save/SaveV2", "SaveV2", "save/filename"))
                .addNode(node("save/restore_all", "NoOp", "^save/Assign", "^save/SaveV2"))
                .addNode(node("save/control_dependency", "Identity", "save/filename", "^save/SaveV2"))
                .build();
        SaverDef saver = SaverDef.newBuilder().setFilenameTensorName("save/filename:0")
                .setRestoreOpName("save/restore_all").setSaveTensorName("save/control_dependency:0").build();
        assertEquals(List.of("op SaveV2 (node 'save/SaveV2' in the graph)"),
                scan(g, saver).stream().map(Object::toString).toList());
    }

    @Test
    void tracedSaveAndRestoreFunctionsAreAllowedButAWriteOnTheRestorePathIsNot() throws Exception {
        FunctionDef restore = function("traced_restore", node("r", "RestoreV2"), node("a", "AssignVariableOp"));
        FunctionDef save = function("traced_save", node("s", "SaveV2"), node("m", "MergeV2Checkpoints"));
        FunctionDef other = function("helper", node("r2", "RestoreV2"));
        GraphDef g = GraphDef.newBuilder()
                .addNode(node("saver_filename", "Placeholder"))
                .addNode(call("StatefulPartitionedCall_1", "traced_save", "saver_filename"))
                .addNode(call("StatefulPartitionedCall_2", "traced_restore", "saver_filename"))
                .addNode(call("unrelated", "helper"))
                .setLibrary(FunctionDefLibrary.newBuilder().addFunction(restore).addFunction(save).addFunction(other))
                .build();
        SaverDef saver = SaverDef.newBuilder().setFilenameTensorName("saver_filename:0")
                .setSaveTensorName("StatefulPartitionedCall_1:0").setRestoreOpName("StatefulPartitionedCall_2").build();
        assertEquals(List.of("op RestoreV2 (node 'r2' in function 'helper')"),
                scan(g, saver).stream().map(Object::toString).toList());

        FunctionDef writingRestore = function("traced_restore", node("r", "RestoreV2"), node("w", "SaveV2"));
        GraphDef g2 = GraphDef.newBuilder(g).setLibrary(FunctionDefLibrary.newBuilder()
                .addFunction(writingRestore).addFunction(save)).build();
        assertEquals(List.of("op SaveV2 (node 'w' in function 'traced_restore')"),
                scan(g2, saver).stream().map(Object::toString).toList());
    }

    @Test
    void printToAFileIsRefusedButToTheConsoleIsNot() throws Exception {
        NodeDef toFile = NodeDef.newBuilder(node("p1", "PrintV2")).putAttr("output_stream",
                AttrValue.newBuilder().setS(ByteString.copyFromUtf8("file:///tmp/out.txt")).build()).build();
        NodeDef toStderr = NodeDef.newBuilder(node("p2", "PrintV2")).putAttr("output_stream",
                AttrValue.newBuilder().setS(ByteString.copyFromUtf8("stderr")).build()).build();
        List<SavedModelScanner.Finding> f = scan(GraphDef.newBuilder().addNode(toFile).addNode(toStderr).build(),
                SaverDef.getDefaultInstance());
        assertEquals(List.of("op PrintV2 (node 'p1' in the graph)"), f.stream().map(Object::toString).toList());
    }

    @Test
    void checkNamesTheOpAndSuggestsTrust() throws Exception {
        scan(GraphDef.newBuilder().addNode(node("r", "ReadFile")).build(), SaverDef.getDefaultInstance());
        UnsafeModelException e = assertThrows(UnsafeModelException.class, () -> SavedModelScanner.check(dir));
        assertTrue(e.getMessage().contains("op ReadFile (node 'r' in the graph)"), e.getMessage());
        assertTrue(e.getMessage().contains("--trust-model"), e.getMessage());
    }

    @Test
    void aFolderWithoutSavedModelIsNamed() {
        ModelException e = assertThrows(ModelException.class, () -> SavedModelScanner.check(dir));
        assertTrue(e.getMessage().endsWith("saved_model.pb: no saved_model.pb (not a TensorFlow SavedModel)"),
                e.getMessage());
    }
}

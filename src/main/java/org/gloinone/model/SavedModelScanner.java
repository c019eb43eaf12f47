package org.gloinone.model;

import com.google.protobuf.CodedInputStream;

import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a SavedModel's graph before it is loaded, because a model is code: TensorFlow runs whatever
 * operations the graph holds. It reads {@code saved_model.pb} with the protobuf classes of TensorFlow Java
 * (no native code runs) and refuses operations that reach files, processes or the network, in the main
 * graph and in every function of its library. Checkpoint reads are allowed only on the path of the saver's
 * standard variable restore, and checkpoint writes only on the saver's save path (never run when predicting)
 * and never on the restore path too, which runs at every load.
 */
public final class SavedModelScanner {
    /** Operations never allowed: files, Python callbacks, memory-mapped files, summaries, readers, network. */
    static final Set<String> FORBIDDEN = Set.of(
            "ReadFile", "WriteFile", "MatchingFiles", "PyFunc", "PyFuncStateless", "EagerPyFunc",
            "ImmutableConst", "DecodeProtoV2", "EncodeProto",
            "DebugIdentity", "DebugIdentityV2", "DebugIdentityV3", "DebugNanCount", "DebugNumericSummary",
            "DebugNumericSummaryV2",
            "TextLineReader", "TextLineReaderV2", "WholeFileReader", "WholeFileReaderV2", "TFRecordReader",
            "TFRecordReaderV2", "FixedLengthRecordReader", "FixedLengthRecordReaderV2", "LMDBReader",
            "TFRecordDataset", "TFRecordDatasetV2", "TextLineDataset", "FixedLengthRecordDataset",
            "FixedLengthRecordDatasetV2", "LMDBDataset", "ExperimentalLMDBDataset", "SqlDataset",
            "ExperimentalSqlDataset", "CSVDataset", "CSVDatasetV2", "ExperimentalCSVDataset", "SaveDataset",
            "SaveDatasetV2", "LoadDataset", "SnapshotDataset", "SnapshotDatasetV2", "SnapshotDatasetReader",
            "SnapshotChunkDataset", "SnapshotNestedDatasetReader", "CacheDataset", "CacheDatasetV2",
            "DatasetToTFRecord", "ExperimentalDatasetToTFRecord", "DistributedSave", "DataServiceDataset",
            "DataServiceDatasetV2", "DataServiceDatasetV3", "DataServiceDatasetV4", "RegisterDataset",
            "RegisterDatasetV2",
            "WriteSummary", "WriteScalarSummary", "WriteImageSummary", "WriteHistogramSummary",
            "WriteAudioSummary", "WriteGraphSummary", "WriteRawProtoSummary", "CreateSummaryFileWriter",
            "CreateSummaryDbWriter", "ImportEvent", "FlushSummaryWriter", "SummaryWriter",
            "InitializeTableFromTextFile", "InitializeTableFromTextFileV2", "LoadAndRemapMatrix",
            "GenerateVocabRemapping",
            "Rpc", "TryRpc", "RpcClient", "RpcServer", "RpcServerStart", "RpcServerRegister", "RpcCall",
            "RpcCheckStatus", "RpcGetValue", "DeleteRpcFutureResource",
            "_Send", "_Recv", "_HostSend", "_HostRecv");
    /** Operations that talk to other processes or machines, by name prefix. */
    static final List<String> FORBIDDEN_PREFIXES = List.of("Collective", "Nccl", "Rpc");
    /** Checkpoint reads: allowed only on the saver's restore path. */
    static final Set<String> RESTORE_OPS = Set.of("Restore", "RestoreV2", "RestoreSlice");
    /** Checkpoint writes: allowed only on the saver's save path. */
    static final Set<String> SAVE_OPS = Set.of("Save", "SaveV2", "SaveSlices", "MergeV2Checkpoints");
    /** PrintV2 may write to a file; these output streams are harmless. */
    private static final Set<String> PRINT_STREAMS = Set.of("stderr", "stdout", "log(info)", "log(warning)",
            "log(error)");
    private static final long MAX_GRAPH_BYTES = Integer.MAX_VALUE;

    private SavedModelScanner() {
    }

    /** One refused operation. */
    record Finding(String op, String node, String where) {
        @Override
        public String toString() {
            return "op " + op + " (node '" + node + "' in " + where + ")";
        }
    }

    /**
     * Refuses the SavedModel in {@code savedModelDir} if its graph holds a forbidden operation.
     *
     * @throws UnsafeModelException naming the first forbidden operations and their nodes
     * @throws ModelException       if saved_model.pb cannot be read
     */
    public static void check(Path savedModelDir) throws ModelException {
        List<Finding> findings = scan(savedModelDir);
        if (!findings.isEmpty()) {
            List<String> shown = findings.stream().limit(5).map(Finding::toString).toList();
            throw new UnsafeModelException(savedModelDir.resolve("saved_model.pb") + ": refusing to load a model "
                    + "whose graph can touch files, processes or the network: " + String.join("; ", shown)
                    + (findings.size() > 5 ? "; and " + (findings.size() - 5) + " more" : "")
                    + ". Load it only if you trust its source (--trust-model).");
        }
    }

    /** All forbidden operations in the SavedModel, empty when it is safe to load. */
    static List<Finding> scan(Path savedModelDir) throws ModelException {
        Path pb = savedModelDir.resolve("saved_model.pb");
        SavedModel model;
        try {
            if (!Files.isRegularFile(pb)) {
                throw new ModelException(pb + ": no saved_model.pb (not a TensorFlow SavedModel)");
            }
            if (Files.size(pb) > MAX_GRAPH_BYTES) {
                throw new ModelException(pb + ": larger than 2 GiB; not a SavedModel graph");
            }
            try (InputStream in = Files.newInputStream(pb)) {
                CodedInputStream coded = CodedInputStream.newInstance(in);
                coded.setSizeLimit(Integer.MAX_VALUE);
                model = SavedModel.parseFrom(coded);
            }
        } catch (IOException e) {
            throw new ModelException(pb + ": cannot parse the SavedModel graph: " + e.getMessage(), e);
        }
        List<Finding> findings = new ArrayList<>();
        for (MetaGraphDef meta : model.getMetaGraphsList()) {
            scanMetaGraph(meta, findings);
        }
        return findings;
    }

    private static void scanMetaGraph(MetaGraphDef meta, List<Finding> findings) {
        Map<String, NodeDef> nodes = new HashMap<>();
        for (NodeDef n : meta.getGraphDef().getNodeList()) {
            nodes.put(n.getName(), n);
        }
        Map<String, FunctionDef> functions = new HashMap<>();
        for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
            functions.put(f.getSignature().getName(), f);
        }
        SaverDef saver = meta.getSaverDef();
        Set<String> restoreNodes = ancestors(nodes, saver.getRestoreOpName());
        Set<String> saveNodes = ancestors(nodes, saver.getSaveTensorName());
        Set<String> restoreFunctions = calledFunctions(nodes, restoreNodes, functions);
        Set<String> saveFunctions = calledFunctions(nodes, saveNodes, functions);

        for (NodeDef n : meta.getGraphDef().getNodeList()) {
            judge(n, "the graph", restoreNodes.contains(n.getName()), saveNodes.contains(n.getName()), findings);
        }
        for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
            String name = f.getSignature().getName();
            for (NodeDef n : f.getNodeDefList()) {
                judge(n, "function '" + name + "'", restoreFunctions.contains(name), saveFunctions.contains(name),
                        findings);
            }
        }
    }

    private static void judge(NodeDef n, String where, boolean onRestorePath, boolean onSavePath,
                              List<Finding> findings) {
        String op = n.getOp();
        boolean refused = FORBIDDEN.contains(op)
                || FORBIDDEN_PREFIXES.stream().anyMatch(op::startsWith)
                || RESTORE_OPS.contains(op) && !onRestorePath
                // A write that the restore path reaches runs while the model loads: never allowed.
                || SAVE_OPS.contains(op) && (!onSavePath || onRestorePath)
                || op.equals("PrintV2") && !printsToConsole(n);
        if (refused) {
            findings.add(new Finding(op, n.getName(), where));
        }
    }

    private static boolean printsToConsole(NodeDef n) {
        AttrValue stream = n.getAttrMap().get("output_stream");
        return stream == null || PRINT_STREAMS.contains(stream.getS().toStringUtf8());
    }

    /** The node named by a tensor or op name (e.g. "save/control_dependency:0", "^init") and all its inputs. */
    private static Set<String> ancestors(Map<String, NodeDef> nodes, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (!start.isEmpty()) {
            todo.add(nodeName(start));
        }
        while (!todo.isEmpty()) {
            String name = todo.pop();
            NodeDef n = nodes.get(name);
            if (n == null || !seen.add(name)) {
                continue;
            }
            for (String input : n.getInputList()) {
                todo.add(nodeName(input));
            }
        }
        return seen;
    }

    /** Functions that the given nodes call (through function-valued attributes), and those they call in turn. */
    private static Set<String> calledFunctions(Map<String, NodeDef> nodes, Set<String> callers,
                                               Map<String, FunctionDef> functions) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String c : callers) {
            todo.addAll(functionsOf(nodes.get(c)));
        }
        while (!todo.isEmpty()) {
            String f = todo.pop();
            FunctionDef def = functions.get(f);
            if (def == null || !seen.add(f)) {
                continue;
            }
            for (NodeDef n : def.getNodeDefList()) {
                todo.addAll(functionsOf(n));
            }
        }
        return seen;
    }

    private static List<String> functionsOf(NodeDef n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        // A node may call a function by its op name too (a library function used as an op).
        out.add(n.getOp());
        for (AttrValue v : n.getAttrMap().values()) {
            if (v.hasFunc()) {
                out.add(v.getFunc().getName());
            }
            for (NameAttrList f : v.getList().getFuncList()) {
                out.add(f.getName());
            }
        }
        return out;
    }

    private static String nodeName(String tensorOrOp) {
        String s = tensorOrOp.startsWith("^") ? tensorOrOp.substring(1) : tensorOrOp;
        int colon = s.indexOf(':');
        return colon >= 0 ? s.substring(0, colon) : s;
    }
}

package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.gloinone.detect.Circle;

class GloInOneServicesTest {

    @Test
    void findsTheRegisteredServiceOrTheNamedOne() {
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(GloInOneServices.load(loader, "") instanceof FixedResultService);
        assertTrue(GloInOneServices.load(loader, FixedResultService.class.getName()) instanceof FixedResultService);
        ServiceUnavailableException missing = assertThrows(ServiceUnavailableException.class,
                () -> GloInOneServices.load(loader, "org.example.Missing"));
        assertTrue(missing.getMessage().contains("'org.example.Missing'"), missing.getMessage());
    }

    @Test
    void withoutAnImplementationTheMessageSaysWhatToDo() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class,
                    () -> GloInOneServices.load(empty, ""));
            assertTrue(e.getMessage().startsWith("the Glo-In-One pipeline is not installed"), e.getMessage());
        }
    }

    @Test
    void engineCallsRunWithTheEnginesContextClassLoader() throws Exception {
        ClassLoader[] seen = {null};
        GloInOneService recording = new FixedResultService() {
            @Override
            public List<Circle> readAnnotations(Path file) throws IOException {
                seen[0] = Thread.currentThread().getContextClassLoader();
                throw new IOException(file + ": not an annotation file");
            }
        };
        try (URLClassLoader engine = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            GloInOneService wrapped = GloInOneServices.withContextLoader(recording, engine);
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            IOException e = assertThrows(IOException.class, () -> wrapped.readAnnotations(Path.of("a.xml")));
            assertEquals("a.xml: not an annotation file", e.getMessage(), "the engine's exception comes through as is");
            assertSame(engine, seen[0]);
            assertSame(before, Thread.currentThread().getContextClassLoader(), "restored after the call");
        }
    }
}

package org.formhaus.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A visitor's request never waits on onOffice (issue #9): the packages that answer visitors, {@code web} (forms) and
 * {@code newsletter} (the confirmation page), do not refer to {@code onoffice} at all; onOffice is reached only by
 * background work (delivery, the options refresh). Reads the main sources, so it runs from the project directory as
 * Maven does.
 */
class VisitorPathFenceTest {

    private static final Path MAIN = Path.of("src/main/java/org/formhaus");

    @Test
    void webAndTheNewsletterPageReferNothingInOnOffice() throws IOException {
        Set<String> offenders = new TreeSet<>();
        for (String visitorPackage : new String[] {"web", "newsletter"}) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(visitorPackage))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(file, StandardCharsets.UTF_8).contains("org.formhaus.onoffice")) {
                        offenders.add(MAIN.relativize(file).toString());
                    }
                }
            }
        }
        assertEquals(Set.of(), offenders, "classes answering visitors that refer to org.formhaus.onoffice");
    }
}

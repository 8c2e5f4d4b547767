package org.formhaus.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package tree says what depends on what: production code never depends on the simulator (only the launcher in
 * the root package wires it for sandbox mode), and the simulator knows no more of Formhaus than onOffice's wire
 * vocabulary. Reads the main sources, so it runs from the project directory as Maven does.
 */
class SimulatorFenceTest {

    private static final Path MAIN = Path.of("src/main/java/org/formhaus");
    private static final Pattern FORMHAUS_IMPORT = Pattern.compile("^import (?:static )?org\\.formhaus\\.([a-z.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    @Test
    void noFeaturePackageReferencesTheSimulator() throws IOException {
        Set<String> offenders = new TreeSet<>();
        for (Path file : javaFiles(MAIN)) {
            Path relative = MAIN.relativize(file);
            boolean launcher = relative.getNameCount() == 1; // the root package: Main, FormhausApp, Sandbox, ...
            boolean simulator = relative.startsWith("simulator");
            if (!launcher && !simulator && read(file).contains("org.formhaus.simulator")) {
                offenders.add(relative.toString());
            }
        }
        assertEquals(Set.of(), offenders, "only the launcher (root package) may reference org.formhaus.simulator");
    }

    @Test
    void theSimulatorUsesOnlyOnOfficesWireVocabulary() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : javaFiles(MAIN.resolve("simulator"))) {
            Matcher m = FORMHAUS_IMPORT.matcher(read(file));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        used.remove("simulator");
        assertEquals(Set.of("onoffice"), used, "packages of Formhaus the simulator imports");
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package org.statelessmcp.skills;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways a server may show a jar of {@code WEB-INF/lib}, and {@code WEB-INF/classes}, all read alike. */
class SkillScannerTest {

    @TempDir
    Path temp;

    /**
     * A servlet context over {@code files} (path to content): folders are derived from the paths, {@code real} maps
     * paths to files on disk.
     */
    private static ServletContext context(Map<String, byte[]> files, Map<String, String> real) {
        return (ServletContext) Proxy.newProxyInstance(SkillScannerTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getResourcePaths" -> {
                        String folder = (String) args[0];
                        Set<String> children = new TreeSet<>();
                        for (String path : files.keySet()) {
                            if (path.startsWith(folder) && path.length() > folder.length()) {
                                int slash = path.indexOf('/', folder.length());
                                children.add(slash < 0 ? path : path.substring(0, slash + 1));
                            }
                        }
                        yield children.isEmpty() ? null : children;
                    }
                    case "getResourceAsStream" -> files.containsKey((String) args[0])
                            ? new ByteArrayInputStream(files.get((String) args[0])) : null;
                    case "getRealPath" -> real.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static byte[] jar(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("META-INF/skills/"));
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void classesAJarOnDiskAStreamedJarAndAJarShownAsAFolderAreAllRead() throws IOException {
        Path onDisk = temp.resolve("a.jar");
        Files.write(onDisk, jar(Map.of("META-INF/skills/a/SKILL.md", "A", "com/example/A.class", "x")));
        Map<String, byte[]> files = Map.of(
                "/WEB-INF/classes/META-INF/skills/own/SKILL.md", utf8("own"),
                "/WEB-INF/classes/META-INF/skills/own/refs/x.md", utf8("x"),
                "/WEB-INF/lib/a.jar", new byte[0],
                "/WEB-INF/lib/b.jar", jar(Map.of("META-INF/skills/b/SKILL.md", "B")),
                "/WEB-INF/lib/c.jar/META-INF/skills/c/SKILL.md", utf8("C"),
                "/WEB-INF/lib/notes.txt", utf8("not a jar"));
        List<FoundFile> found = new SkillScanner(context(files, Map.of("/WEB-INF/lib/a.jar", onDisk.toString())))
                .scan();
        assertEquals(List.of("WEB-INF/classes own/SKILL.md", "WEB-INF/classes own/refs/x.md",
                "WEB-INF/lib/a.jar a/SKILL.md", "WEB-INF/lib/b.jar b/SKILL.md", "WEB-INF/lib/c.jar c/SKILL.md"),
                found.stream().map(file -> file.source() + ' ' + file.path()).toList());
        assertArrayEquals(utf8("A"), found.get(2).bytes());
        assertArrayEquals(utf8("B"), found.get(3).bytes());
    }
}

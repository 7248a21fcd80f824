package org.statelessmcp.skills;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Finds the files under {@code META-INF/skills/} in {@code WEB-INF/classes} and in each jar of {@code WEB-INF/lib},
 * through the servlet context alone, so alike on every server: class loaders give jar entries as URLs of each
 * server's own kind ({@code vfs:} on WildFly, {@code wsjar:} on Open Liberty, {@code jar:} on Payara) and none can
 * list a folder portably. A jar is read as a zip: from the file system where the server has unpacked the WAR, else
 * as a stream.
 */
public final class SkillScanner {

    static final String ROOT = "META-INF/skills/";
    private static final String CLASSES = "/WEB-INF/classes/";
    private static final String LIB = "/WEB-INF/lib/";

    private final ServletContext context;

    public SkillScanner(ServletContext context) {
        this.context = context;
    }

    /** Every file found, classes first, then jar by jar in name order. */
    public List<FoundFile> scan() {
        List<FoundFile> found = new ArrayList<>();
        walk(CLASSES + ROOT, CLASSES + ROOT, "WEB-INF/classes", found);
        Set<String> libraries = context.getResourcePaths(LIB);
        for (String jar : libraries == null ? Set.<String>of() : new TreeSet<>(libraries)) {
            if (jar.endsWith(".jar/")) {
                // a server that mounts jars as folders may list them so
                walk(jar + ROOT, jar + ROOT, jar.substring(1, jar.length() - 1), found);
            } else if (jar.endsWith(".jar")) {
                try {
                    readJar(jar, found);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + jar + " for skills", e);
                }
            }
        }
        return found;
    }

    /**
     * @param folder a folder at or below {@code root}
     * @param root the {@code META-INF/skills/} folder being walked
     * @param source what to name the source in messages
     */
    private void walk(String folder, String root, String source, List<FoundFile> found) {
        Set<String> paths = context.getResourcePaths(folder);
        if (paths == null) {
            return;
        }
        for (String path : new TreeSet<>(paths)) {
            if (path.endsWith("/")) {
                walk(path, root, source, found);
                continue;
            }
            try (InputStream in = context.getResourceAsStream(path)) {
                if (in != null) {
                    found.add(new FoundFile(source, path.substring(root.length()), read(in)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    private void readJar(String jar, List<FoundFile> found) throws IOException {
        String source = jar.substring(1);
        String real = context.getRealPath(jar);
        if (real != null && Files.isRegularFile(Path.of(real))) {
            // the zip's central directory names the entries: nothing else of the jar is read
            try (ZipFile zip = new ZipFile(real)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    if (wanted(entry)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            found.add(new FoundFile(source, entry.getName().substring(ROOT.length()), read(in)));
                        }
                    }
                }
            }
            return;
        }
        try (InputStream stream = context.getResourceAsStream(jar)) {
            if (stream == null) {
                // neither a file nor a stream: a jar the server shows as a folder only
                walk(jar + '/' + ROOT, jar + '/' + ROOT, source, found);
                return;
            }
            ZipInputStream zip = new ZipInputStream(stream);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (wanted(entry)) {
                    found.add(new FoundFile(source, entry.getName().substring(ROOT.length()), read(zip)));
                }
            }
        }
    }

    private static boolean wanted(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().startsWith(ROOT) && entry.getName().length() > ROOT.length();
    }

    /** At most one byte more than a skill may hold: enough to tell that a file is too large. */
    private static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(SkillAssembly.MAX_BYTES + 1);
    }
}

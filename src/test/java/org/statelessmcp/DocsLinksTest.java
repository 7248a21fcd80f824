package org.statelessmcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the documentation leads somewhere: the README, {@code docs/}, the servers' pages under
 * {@code server-config/} and the benchmarks' pages under {@code bench/}. A link's file must exist, and its
 * {@code #anchor} must be a heading of the Markdown file it names (or of its own page), by GitHub's rules.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern
            .compile("(?<!!)\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    /** The pages whose links are checked. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        for (String folder : List.of("docs", "server-config", "bench")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** GitHub's anchor of a heading: its text as rendered, lower case, punctuation dropped, spaces to '-'. */
    static String anchor(String heading) {
        String text = heading
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link or image: its text
                .replaceAll("<[^>]+>", "") // inline HTML
                .replace("`", "")
                .replaceAll("(\\*\\*|__|\\*|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))", "");
        StringBuilder anchor = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                anchor.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }

    /** The lines of a Markdown page outside fenced code blocks (others blanked, so line numbers stay). */
    static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                lines.add("");
            } else if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Every anchor a page offers: its headings' (numbered as GitHub numbers repeats) and its HTML anchors. */
    static Set<String> anchorsOf(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String base = anchor(heading.group(2));
                int repeats = seen.merge(base, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? base : base + "-" + repeats);
            }
            HTML_ANCHOR.matcher(line).results().forEach(match -> anchors.add(match.group(1)));
        }
        return anchors;
    }

    /** What is wrong with the links of one page: one line per broken link, with its place. */
    static List<String> brokenLinks(Path page) {
        String markdown = read(page);
        List<String> problems = new ArrayList<>();
        // code spans blanked line by line; the lines joined again, so that a link's text may wrap
        String prose = String.join("\n", prose(markdown).stream()
                .map(line -> CODE_SPAN.matcher(line).replaceAll("")).toList());
        List<Matcher> links = List.of(LINK.matcher(prose), IMAGE.matcher(prose));
        for (int kind = 0; kind < links.size(); kind++) {
            Matcher link = links.get(kind);
            while (link.find()) {
                String target = link.group(kind == 0 ? 2 : 1);
                String problem = problemOf(page, markdown, target);
                if (problem != null) {
                    long line = prose.substring(0, link.start()).chars().filter(c -> c == '\n').count() + 1;
                    problems.add(page + ":" + line + ": " + target + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static String problemOf(Path page, String markdown, String target) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // https:, mailto: and the like: not ours to check
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!file.isEmpty() && file.startsWith("/")) {
            return "an absolute path (GitHub resolves it from the repository's root; write it relative)";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        String text = file.isEmpty() ? markdown : read(resolved);
        return anchorsOf(text).contains(fragment) ? null : "no heading with the anchor #" + fragment;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            problems.addAll(brokenLinks(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theReadmeAndEveryDocsPageAreChecked() throws IOException {
        List<Path> pages = pages();
        assertEquals(true, pages.contains(Path.of("README.md")), pages.toString());
        assertEquals(true, pages.contains(Path.of("docs/tasks.md")), pages.toString());
        assertEquals(true, pages.contains(Path.of("server-config/wildfly/README.md")), pages.toString());
        assertEquals(true, pages.contains(Path.of("bench/README.md")), pages.toString());
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("5-health-management-port-9990", anchor("5. Health: management port 9990"));
        assertEquals("payara-micro-what-mvn--pserve-runs", anchor("Payara Micro (what `mvn -Pserve` runs)"));
        assertEquals("what-a-client-sees-of-a-failure", anchor("What a client sees of a failure"));
        assertEquals("the-calls-context", anchor("The call's context"));
        assertEquals("payara-7-jakarta-ee-11-and-java-21", anchor("Payara 7 (Jakarta EE 11) and Java 21+"));
        assertEquals("skills-mcp-skills-extension-sep-2640", anchor("Skills (MCP skills extension, SEP-2640)"));
        assertEquals("see-the-guide", anchor("See [the guide](docs/x.md)"));
        assertEquals("max_request_size", anchor("max_request_size"));
    }

    @Test
    void aRepeatedHeadingGetsANumberedAnchor() {
        assertEquals(Set.of("notes", "notes-1", "notes-2"), anchorsOf("# Notes\n## Notes\n### Notes\n"));
    }

    @Test
    void headingsInsideCodeBlocksAreNotAnchors() {
        assertEquals(Set.of("real"), anchorsOf("# Real\n```bash\n# not a heading\n```\n"));
    }

    @Test
    void aBrokenFileOrAnchorIsReported(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path page = folder.resolve("page.md");
        Files.writeString(folder.resolve("other.md"), "# Other page\n## A section\n");
        Files.writeString(page, String.join("\n",
                "# Page",
                "[fine](other.md#a-section) [fine too](#page) [web](https://example.com/x#y)",
                "[gone](missing.md) [wrong anchor](other.md#no-such-section) [own](#nowhere) [a wrapped",
                "link](wrapped.md)",
                "`[in code](missing-too.md)`",
                "```",
                "[in a block](missing-three.md)",
                "```",
                ""));
        assertEquals(List.of(
                page + ":3: missing.md: no such file",
                page + ":3: other.md#no-such-section: no heading with the anchor #no-such-section",
                page + ":3: #nowhere: no heading with the anchor #nowhere",
                page + ":3: wrapped.md: no such file"), brokenLinks(page));
    }
}

package org.statelessmcp.skills;

/**
 * A file found under {@code META-INF/skills/}.
 *
 * @param source where it was found, for messages: {@code WEB-INF/classes} or {@code WEB-INF/lib/x.jar}
 * @param path its path below {@code META-INF/skills/}, e.g. {@code pdf-processing/references/FORMS.md}
 * @param bytes its content; at most one byte more than a skill may hold, for a larger file
 */
public record FoundFile(String source, String path, byte[] bytes) {
}

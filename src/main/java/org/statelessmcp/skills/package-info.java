/**
 * MCP's skills extension ({@code io.modelcontextprotocol/skills}, SEP-2640): the Agent Skills packaged in the WAR,
 * found, validated and measured once at deployment. A skill is a folder with a {@code SKILL.md} under
 * {@code META-INF/skills/} in {@code WEB-INF/classes} or in a jar of {@code WEB-INF/lib}:
 * <pre>
 * META-INF/skills/pdf-processing/SKILL.md
 * META-INF/skills/pdf-processing/references/FORMS.md
 * </pre>
 * is served as {@code skill://pdf-processing/SKILL.md} and {@code skill://pdf-processing/references/FORMS.md}.
 * The {@code mcp} package serves them.
 *
 * <p>May use {@code protocol}.
 */
package org.statelessmcp.skills;

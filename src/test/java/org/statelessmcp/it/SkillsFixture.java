package org.statelessmcp.it;

import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The skills the skills tests deploy: one in the WAR's {@code WEB-INF/classes}, one in a tool author's jar in
 * {@code WEB-INF/lib}, with subfolders, a binary file and a file name that needs percent-encoding.
 */
final class SkillsFixture {

    static final String REVIEW = "---\nname: code-review\ndescription: Reviews a change against the team's checklist."
            + "\nlicense: Apache-2.0\nmetadata:\n  author: acme\n  version: \"1.2\"\n---\n# Code review\n\n"
            + "Read [the checklist](references/CHECKLIST.md) first.\n";
    static final String CHECKLIST = "# Checklist\n\n- tests\n- docs\n";
    static final String PDF = "---\nname: pdf-processing\ndescription: Extract, fill, and assemble PDF documents\n"
            + "compatibility: Needs a PDF library\n---\n# PDF processing\n";
    static final String FORMS = "# Forms\n\nFill every field.\n";
    static final String ORDER_FORM = "Name: ____\n";
    /** Not UTF-8: served as a blob. */
    static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};

    private SkillsFixture() {
    }

    static WebArchive withSkills(WebArchive war) {
        JavaArchive pdf = ShrinkWrap.create(JavaArchive.class, "pdf-skills.jar")
                .addAsResource(new StringAsset(PDF), "META-INF/skills/pdf-processing/SKILL.md")
                .addAsResource(new StringAsset(FORMS), "META-INF/skills/pdf-processing/references/FORMS.md")
                .addAsResource(new StringAsset(ORDER_FORM),
                        "META-INF/skills/pdf-processing/templates/Order form.txt")
                .addAsResource(new ByteArrayAsset(LOGO), "META-INF/skills/pdf-processing/assets/logo.png");
        return war.addAsLibrary(pdf)
                .addAsResource(new StringAsset(REVIEW), "META-INF/skills/acme/code-review/SKILL.md")
                .addAsResource(new StringAsset(CHECKLIST), "META-INF/skills/acme/code-review/references/CHECKLIST.md");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

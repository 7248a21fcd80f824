package org.statelessmcp.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys the server accepts. Only their SHA-256 digests are kept. A presented key is hashed once and its digest
 * looked up in a map: the cost does not grow with the number of keys, and no secret is ever compared byte by byte.
 * The lookup compares digests, which may stop at the first differing byte; that tells an attacker only how much of the
 * SHA-256 of their own guess matches a stored digest, which says nothing of any key (SHA-256 has no known preimage
 * attack), so the comparison needs no constant time.
 *
 * <p>An entry is a key ({@code 3f9c…}), a key's digest ({@code sha256:<64 hex digits>}) or, in the JSON form, an
 * object naming its holder and roles: {@code {"name":"ci-bot","key":"…","roles":["reader"]}} (or {@code "sha256"}
 * instead of {@code "key"}). A key without a name is named {@code key-} and the first 8 hex digits of its digest.
 */
public final class ApiKeys {

    private static final String SHA256_PREFIX = "sha256:";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private record Entry(byte[] digest, KeyOwner owner) {
    }

    private final List<Entry> entries;
    private final List<String> warnings;
    /** The owner of each digest; a key listed twice belongs to its last entry. */
    private final Map<ByteBuffer, KeyOwner> owners = new HashMap<>();
    /** Never updated itself, so that threads may copy it at once. */
    private final MessageDigest prototype = newSha256();

    private ApiKeys(List<Entry> entries, List<String> warnings) {
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
        for (Entry entry : this.entries) {
            owners.put(ByteBuffer.wrap(entry.digest()), entry.owner());
        }
    }

    /**
     * Parses the keys of {@code text}: a comma- or newline-separated list, or a JSON list.
     *
     * @param source where the text came from, for error messages (never the keys themselves)
     * @throws IllegalArgumentException naming the source and the entry's position when an entry is malformed
     */
    public static ApiKeys parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonValue> items;
        try {
            items = SettingLists.items(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " " + e.getMessage());
        }
        int position = 0;
        for (JsonValue item : items) {
            position++;
            String where = source + ", entry " + position;
            Entry entry = item instanceof JsonString key ? entry(key.getString(), null, Set.of(), where, warnings)
                    : item instanceof JsonObject object ? entry(object, where, warnings) : null;
            if (entry == null) {
                throw new IllegalArgumentException(where + ": must be a key or an object with name, key and roles");
            }
            if (!names.add(entry.owner().name())) {
                throw new IllegalArgumentException(where + ": the name '" + entry.owner().name() + "' is used twice");
            }
            entries.add(entry);
        }
        return new ApiKeys(entries, warnings);
    }

    /** This set followed by {@code more}. */
    public ApiKeys and(ApiKeys more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more.entries);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(more.warnings);
        return new ApiKeys(all, allWarnings);
    }

    /** How many keys there are. */
    public int size() {
        return entries.size();
    }

    /** What deserves a warning in the log: short keys. */
    public List<String> warnings() {
        return warnings;
    }

    /** The holder of {@code presented}, if it is one of the keys: one digest, one lookup. */
    public Optional<KeyOwner> match(String presented) {
        return Optional.ofNullable(owners.get(ByteBuffer.wrap(digest(presented))));
    }

    private static Entry entry(JsonObject object, String where, List<String> warnings) {
        JsonValue name = object.get("name");
        JsonValue key = object.get("key");
        JsonValue digest = object.get("sha256");
        if (name != null && !(name instanceof JsonString)) {
            throw new IllegalArgumentException(where + ": name must be a string");
        }
        if ((key == null) == (digest == null) || !(key == null ? digest : key).getValueType()
                .equals(JsonValue.ValueType.STRING)) {
            throw new IllegalArgumentException(where + ": give exactly one of key and sha256, as a string");
        }
        Set<String> roles = new HashSet<>();
        JsonValue listed = object.get("roles");
        if (listed instanceof JsonArray array) {
            for (JsonValue role : array) {
                if (!(role instanceof JsonString text) || text.getString().isBlank()) {
                    throw new IllegalArgumentException(where + ": roles must be a list of names");
                }
                roles.add(text.getString().strip());
            }
        } else if (listed instanceof JsonString text) {
            roles.addAll(SettingLists.alternatives(text.getString()));
        } else if (listed != null) {
            throw new IllegalArgumentException(where + ": roles must be a list of names");
        }
        String secret = key != null ? ((JsonString) key).getString()
                : SHA256_PREFIX + ((JsonString) digest).getString();
        return entry(secret, name == null ? null : ((JsonString) name).getString(), roles, where, warnings);
    }

    private static Entry entry(String secret, String name, Set<String> roles, String where, List<String> warnings) {
        byte[] digest;
        if (secret.startsWith(SHA256_PREFIX)) {
            String hex = secret.substring(SHA256_PREFIX.length());
            if (!DIGEST.matcher(hex).matches()) {
                throw new IllegalArgumentException(where + ": a sha256: entry needs 64 hex digits");
            }
            digest = HexFormat.of().parseHex(hex);
        } else {
            if (secret.isBlank() || secret.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException(where + ": a key is printable ASCII without spaces");
            }
            if (secret.length() < 16) {
                warnings.add(where + " is shorter than 16 characters: use at least 32 random characters");
            }
            digest = sha256(secret);
        }
        String owner = name != null ? name.strip() : "key-" + HexFormat.of().formatHex(digest, 0, 4);
        if (!NAME.matcher(owner).matches()) {
            throw new IllegalArgumentException(where + ": a name is 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return new Entry(digest, new KeyOwner(owner, roles));
    }

    /**
     * SHA-256 of a presented key, from a copy of an unused prototype: {@code MessageDigest.getInstance} searches the
     * security providers at every call, half a µs a request under {@code bench/profile.sh secured}.
     */
    private byte[] digest(String key) {
        try {
            return ((MessageDigest) prototype.clone()).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            return sha256(key);
        }
    }

    /** The SHA-256 digest of a key, as stored: {@code sha256:} entries hold it in hex. */
    public static byte[] sha256(String key) {
        return newSha256().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.statelessmcp.protocol.CanonicalJson;
import org.statelessmcp.protocol.JsonP;

/**
 * Seals the {@code requestState} of MCP 2026-07-28's multi round-trip requests: the answers a call has received
 * so far, bound to the call (method, name, arguments), the caller and an expiry, encrypted and authenticated with
 * AES-256-GCM. The key is derived from a configured secret, so every instance opens what any instance sealed; a
 * state that was altered, has expired, or belongs to another call or caller does not open.
 */
public final class RequestStates {

    /** The call a state belongs to. {@code arguments} is compared by digest, whatever its keys' order. */
    public record Binding(String method, String name, JsonValue arguments, String principal) {
    }

    /** A client's answer to one input request. */
    public record Answer(String method, JsonObject result) {
    }

    /** A state that cannot be used for this call. */
    public static final class InvalidState extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidState(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final byte[] AAD = "stateless-mcp request state v1".getBytes(StandardCharsets.UTF_8);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The least secret length accepted: 32 characters, so that a guessable short phrase is refused. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final long ttlSeconds;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret at least {@value #MIN_SECRET_LENGTH} bytes, the same on every instance
     * @param ttlSeconds how long a sealed state may be used
     */
    public RequestStates(byte[] secret, long ttlSeconds, Clock clock) {
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the request-state secret needs at least " + MIN_SECRET_LENGTH
                    + " bytes");
        }
        this.key = new SecretKeySpec(derive(secret), "AES");
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    /** A secret for one instance only, for deployments that configure none. */
    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String seal(Binding binding, Map<String, Answer> answers) {
        JsonObjectBuilder sealedAnswers = JsonP.createObjectBuilder();
        answers.forEach((inputKey, answer) -> sealedAnswers.add(inputKey,
                JsonP.createObjectBuilder().add("m", answer.method()).add("r", answer.result())));
        byte[] plain = JsonP.createObjectBuilder()
                .add("b", digest(binding))
                .add("x", clock.instant().getEpochSecond() + ttlSeconds)
                .add("a", sealedAnswers)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The answers sealed in {@code state}, if it was sealed by this server for this call and is still valid. */
    public Map<String, Answer> open(String state, Binding binding) throws InvalidState {
        byte[] plain;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(state);
            if (bytes.length <= IV_BYTES) {
                throw new InvalidState("requestState is malformed");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidState("requestState was not issued by this server or was altered");
        }
        JsonObject sealed;
        try (var reader = JsonP.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
            sealed = reader.readObject();
        }
        if (sealed.getJsonNumber("x").longValue() < clock.instant().getEpochSecond()) {
            throw new InvalidState("requestState has expired; call again without it");
        }
        if (!sealed.getString("b").equals(digest(binding))) {
            throw new InvalidState("requestState belongs to another call");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        sealed.getJsonObject("a").forEach((inputKey, answer) -> answers.put(inputKey,
                new Answer(answer.asJsonObject().getString("m"), answer.asJsonObject().getJsonObject("r"))));
        return answers;
    }

    private static String digest(Binding binding) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(binding.method()).append('\n').append(binding.name()).append('\n')
                .append(binding.principal()).append('\n');
        // equal arguments digest equally: members sorted, numbers in one notation
        CanonicalJson.append(binding.arguments() == null ? JsonValue.EMPTY_JSON_OBJECT : binding.arguments(),
                canonical);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("stateless-mcp/request-state/aes-256-gcm".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}

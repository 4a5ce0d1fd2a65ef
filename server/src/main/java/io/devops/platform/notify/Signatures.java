package io.devops.platform.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 signatures, each as its service documents it. */
final class Signatures {

    private Signatures() {
    }

    /** Ours: {@code sha256=} + hex(HMAC(secret, timestamp + "." + body)), the timestamp in seconds (against replay). */
    static String webhook(String secret, long timestampSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(bytes(secret), bytes(timestampSeconds + "." + body)));
    }

    /** DingTalk: urlencode(base64(HMAC(key = secret, data = timestamp + "\n" + secret))), the timestamp in milliseconds. */
    static String dingTalk(String secret, long timestampMillis) {
        String sign = Base64.getEncoder().encodeToString(hmac(bytes(secret), bytes(timestampMillis + "\n" + secret)));
        return URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    /** Feishu/Lark: base64(HMAC(key = timestamp + "\n" + secret, data = nothing)), the timestamp in seconds. */
    static String feishu(String secret, long timestampSeconds) {
        return Base64.getEncoder().encodeToString(hmac(bytes(timestampSeconds + "\n" + secret), new byte[0]));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

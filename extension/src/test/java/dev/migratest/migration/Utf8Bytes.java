package dev.migratest.migration;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** File contents for encoding tests: text parts as UTF-8, integers as single (possibly invalid) bytes. */
final class Utf8Bytes {
    private Utf8Bytes() {
    }

    static byte[] of(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}

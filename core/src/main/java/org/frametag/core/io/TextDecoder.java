package org.frametag.core.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-8 strictly or with replacement, and drops a leading byte order mark. */
final class TextDecoder {

    record Decoded(String text, boolean replaced) {
    }

    static Decoded decode(byte[] bytes, InvalidUtf8 policy) throws CharacterCodingException {
        String text;
        boolean replaced = false;
        try {
            text = strict().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            if (policy == InvalidUtf8.ERROR) {
                throw e;
            }
            text = new String(bytes, StandardCharsets.UTF_8);
            replaced = true;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Decoded(text, replaced);
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private TextDecoder() {
    }
}

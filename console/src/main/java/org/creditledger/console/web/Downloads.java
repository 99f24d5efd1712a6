package org.creditledger.console.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A file a console page hands to the browser: the API's bytes, saved under a name a person recognises. */
public final class Downloads {

    private Downloads() {
    }

    /** {@code bytes} as an attachment named {@code filename} ({@code filename*=UTF-8''…}, so Chinese names survive). */
    public static ResponseEntity<byte[]> attachment(MediaType type, String filename, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}

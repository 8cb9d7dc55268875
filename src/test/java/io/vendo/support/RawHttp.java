package io.vendo.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for requests no well-behaved client sends: malformed percent-encoding,
 * encoded slashes, unknown methods, duplicate or oversized headers, transfer codings the server does not implement.
 * One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * @param headers sent as given (a value with line breaks as several headers of that name); {@code Host}, unless
     *     given, and {@code Connection: close} are added
     */
    public static Response send(int port, String requestLine, Map<String, String> headers, byte[] body) {
        var head = new StringBuilder(requestLine).append("\r\n");
        if (!headers.containsKey("Host")) {
            head.append("Host: localhost:").append(port).append("\r\n");
        }
        headers.forEach((name, value) -> {
            for (var single : value.split("\n", -1)) {
                head.append(name).append(": ").append(single).append("\r\n");
            }
        });
        head.append("Connection: close\r\n\r\n");
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            IOException unsent = null;
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // The server may answer (413, 400) and close before reading all of a large request: read its answer.
                unsent = refusedEarly;
            }
            var response = read(socket.getInputStream());
            if (response.status() == 0 && unsent != null) {
                throw unsent;
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        var received = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (var n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A server that closes with request bytes unread resets the connection; what it sent before still counts.
            if (received.size() == 0) {
                throw reset;
            }
        }
        var all = received.toByteArray();
        var text = new String(all, StandardCharsets.ISO_8859_1);
        var end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Response(0, Map.of(), text);
        }
        var lines = text.substring(0, end).split("\r\n");
        var status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (var i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        var rawBody = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rawBody = unchunk(rawBody);
        }
        return new Response(status, headers, new String(rawBody, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        var position = 0;
        while (position < chunked.length) {
            var lineEnd = position;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            var size = Integer.parseInt(
                    new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1)
                            .split(";")[0].strip(),
                    16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** @param headers by lower-case name; repeated headers joined with {@code ", "} */
    public record Response(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }
}

package com.upward.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client on a socket, one connection per request: it sends exactly what a fuzz case names (any
 * request target, even one that is not a URI; any Content-Type without a charset added; a body over the size limit,
 * with its length or chunked) and reads the whole answer.
 */
public final class RawHttp {

    /** An answer: its status, its headers (names in lower case) and its body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request: the target is sent as it is (path and query, already encoded, or deliberately not). */
    public record Request(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {

        public static Request get(String target, String token) {
            return new Request("GET", target, bearer(token), null, false);
        }

        public static Request json(String method, String target, String token, String json) {
            Map<String, String> headers = bearer(token);
            headers.put("Content-Type", "application/json");
            return new Request(method, target, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8), false);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            if (value == null) {
                copy.remove(name);
            } else {
                copy.put(name, value);
            }
            return new Request(method, target, copy, body, chunked);
        }

        private static Map<String, String> bearer(String token) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return headers;
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    public static Answer send(String baseUrl, Request request) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(base, request));
                if (request.body() != null) {
                    out.write(request.chunked() ? chunked(request.body()) : request.body());
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // A server may answer (413, 431) and close before reading the whole request: read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + abbreviate(request.target()) + " to " + baseUrl + ": " + e, e);
        }
    }

    private static byte[] head(URI base, Request request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body() != null) {
            head.append(request.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + request.body().length + "\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
        int chunk = 16 * 1024;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Reads the answer to the end (the request said Connection: close), then takes it apart. */
    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete answer (" + all.length + " bytes)");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(rest);
        } else if (headers.containsKey("content-length")) {
            body = java.util.Arrays.copyOf(rest, Math.min(rest.length, Integer.parseInt(headers.get("content-length"))));
        } else {
            body = rest;
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, position, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                throw new IOException("broken chunked body");
            }
            String size = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, length);
            position = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + " chars)";
    }
}

package kiln.stages.publish;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 over a plain socket: the request line goes out exactly as written, so hostile paths
 * reach the server unnormalised (an HTTP client library would clean them up first).
 */
final class RawHttp {

  record Answer(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static Answer get(int port, String target, String... headerLines) throws Exception {
    return send(port, "GET", target, headerLines);
  }

  static Answer send(int port, String method, String target, String... headerLines)
      throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.0\r\n");
      request.append("Host: localhost\r\n");
      for (String line : headerLines) {
        request.append(line).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Answer parse(byte[] raw) {
    int end = 0;
    while (!(raw[end] == '\r'
        && raw[end + 1] == '\n'
        && raw[end + 2] == '\r'
        && raw[end + 3] == '\n')) {
      end++;
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(raw, end + 4, raw.length - end - 4);
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toByteArray());
  }
}

package kiln.stages.studio.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An engine on 127.0.0.1 that answers the ping and creates containers, then never answers anything
 * else: what a build host that vanished from the network looks like to a connection kiln already
 * holds.
 */
final class SilentEngine implements AutoCloseable {

  private final ServerSocket server;

  SilentEngine() throws IOException {
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::serve, "silent-engine");
    accept.setDaemon(true);
    accept.start();
  }

  String host() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread connection = new Thread(() -> answer(client), "silent-engine-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Answers each request on a kept-alive connection until one it stays silent to. */
  private static void answer(Socket client) {
    try (client) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      for (String request = in.readLine(); request != null; request = in.readLine()) {
        int length = 0;
        for (String header = in.readLine(); header != null && !header.isEmpty(); ) {
          if (header.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(header.substring(15).strip());
          }
          header = in.readLine();
        }
        in.skip(length);
        String body;
        String status;
        if (request.contains("/_ping")) {
          status = "200 OK";
          body = "OK";
        } else if (request.startsWith("POST") && request.contains("/containers/create")) {
          status = "201 Created";
          body = "{\"Id\":\"silent\",\"Warnings\":[]}";
        } else {
          Thread.sleep(Long.MAX_VALUE); // gone from the network: no answer, no reset
          return;
        }
        out.write(
            ("HTTP/1.1 "
                    + status
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (request.endsWith("HTTP/1.0")) {
          return; // no keep-alive in HTTP/1.0: the ping reads until the engine closes
        }
      }
    } catch (IOException | InterruptedException e) {
      // the test is over
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

package kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Debian's chromium, headless, for the report's browser test: the DOM after the page's script ran
 * ({@code --dump-dom}), a screenshot, and a page driven over the DevTools protocol (the JDK's
 * WebSocket client) for real mouse clicks. Every run has a profile of its own and no network
 * chatter. A missing chromium fails the test: {@code bin/setup} installs it.
 */
final class Chromium {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 60;

  private final Path scratch;

  Chromium(Path scratch) {
    this.scratch = scratch;
  }

  /** The chromium to run; fails, never skips, when there is none. */
  static String binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "chromium"))) {
        return Path.of(dir, "chromium").toString();
      }
    }
    throw new AssertionError(
        "no chromium on PATH: bin/setup installs it (apt-get install chromium)");
  }

  private List<String> command(Path profile, String... more) {
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + profile));
    command.addAll(List.of(more));
    return command;
  }

  private Path profile() throws IOException {
    return Files.createTempDirectory(scratch, "chromium-profile");
  }

  /** The page's DOM after its script ran, as chromium serializes it. */
  String dumpDom(Path page) throws Exception {
    Path out = Files.createTempFile(scratch, "dom", ".html");
    run(command(profile(), "--dump-dom", page.toUri().toString()), out);
    return Files.readString(out);
  }

  /** A PNG of the page's first {@code width} x {@code height} pixels. */
  Path screenshot(Path page, int width, int height) throws Exception {
    Path png = scratch.resolve("screenshot.png");
    run(
        command(
            profile(),
            "--screenshot=" + png,
            "--window-size=" + width + "," + height,
            page.toUri().toString()),
        Files.createTempFile(scratch, "screenshot", ".out"));
    return png;
  }

  private static void run(List<String> command, Path out) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(
                ProcessBuilder.Redirect.appendTo(out.resolveSibling("chromium.err").toFile()))
            .start();
    Set<ProcessHandle> helpers = new HashSet<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(helpers::add);
      if (System.nanoTime() > until) {
        endAll(process, helpers);
        throw new AssertionError("chromium did not finish in " + WAIT_SECONDS + "s: " + command);
      }
    }
    endAll(process, helpers);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "chromium exited "
              + process.exitValue()
              + ": "
              + Files.readString(out.resolveSibling("chromium.err")));
    }
  }

  /** A page open in a running chromium, driven over the DevTools protocol. */
  Tab open(Path page, int width, int height) throws Exception {
    Path profile = profile();
    List<String> command =
        command(
            profile,
            "--remote-debugging-port=0",
            "--window-size=" + width + "," + height,
            page.toUri().toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("chromium-devtools.out").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > until || !process.isAlive()) {
        process.destroyForcibly();
        throw new AssertionError(
            "chromium's DevTools did not open: "
                + Files.readString(scratch.resolve("chromium-devtools.out")));
      }
      Thread.sleep(50);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    String targets =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String socket = null;
    for (JsonNode target : JSON.readTree(targets)) {
      if (target.get("type").asText().equals("page")) {
        socket = target.get("webSocketDebuggerUrl").asText();
      }
    }
    if (socket == null) {
      process.destroyForcibly();
      throw new AssertionError("chromium has no page open: " + targets);
    }
    return new Tab(process, http, URI.create(socket));
  }

  /**
   * Ends chromium and the helpers it started ({@code helpers}, seen while it ran: once it is gone
   * they are no longer its descendants) and waits for each: a renderer or crash handler still
   * writing into the profile would make the test's temporary folder undeletable.
   */
  private static void endAll(Process chromium, Set<ProcessHandle> helpers)
      throws InterruptedException {
    chromium.destroy();
    if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
    }
    for (ProcessHandle helper : helpers) {
      helper.destroy();
      try {
        helper.onExit().get(10, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        helper.destroyForcibly();
      }
    }
  }

  /** One page, its protocol's answers matched to the questions by id. */
  static final class Tab implements AutoCloseable, WebSocket.Listener {

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder message = new StringBuilder();

    Tab(Process process, HttpClient http, URI socket) throws Exception {
      this.process = process;
      this.socket =
          http.newWebSocketBuilder().buildAsync(socket, this).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends one protocol command and waits for its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      answers.put(id, answer);
      ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
      request.set("params", params);
      socket.sendText(JSON.writeValueAsString(request), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
      JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new AssertionError(method + ": " + reply.get("error"));
      }
      return reply.get("result");
    }

    /** The value of a JavaScript expression in the page. */
    JsonNode evaluate(String expression) throws Exception {
      JsonNode result =
          call(
              "Runtime.evaluate",
              JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
      if (result.has("exceptionDetails")) {
        throw new AssertionError(expression + ": " + result.get("exceptionDetails"));
      }
      return result.get("result").get("value");
    }

    /** Waits until {@code condition} holds in the page. */
    void await(String condition) throws Exception {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!evaluate("!!(" + condition + ")").asBoolean()) {
        if (System.nanoTime() > until) {
          throw new AssertionError("the page never had " + condition);
        }
        Thread.sleep(50);
      }
    }

    /** A left click of the mouse at a point of the window, pressed and released. */
    void click(double x, double y) throws Exception {
      for (String type : List.of("mousePressed", "mouseReleased")) {
        call(
            "Input.dispatchMouseEvent",
            JSON.createObjectNode()
                .put("type", type)
                .put("x", x)
                .put("y", y)
                .put("button", "left")
                .put("clickCount", 1));
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        try {
          JsonNode reply = JSON.readTree(message.toString());
          if (reply.has("id")) {
            CompletableFuture<JsonNode> answer = answers.remove(reply.get("id").asInt());
            if (answer != null) {
              answer.complete(reply);
            }
          }
        } catch (IOException e) {
          answers.values().forEach(a -> a.completeExceptionally(e));
        }
        message.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void close() throws Exception {
      socket.abort();
      endAll(process, process.descendants().collect(Collectors.toSet()));
    }
  }
}

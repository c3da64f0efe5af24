package kiln.stages.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import kiln.world.IoFailures;

/**
 * The shared source cache: each plan's pkg_source fetched once, checked against pkg_shasum, and
 * kept under its pkg_filename, so builds in a studio without network find it there. A cache filled
 * by hand works the same: a file that matches its checksum is never fetched again.
 */
public final class SourceCache {

  private static final Set<String> SCHEMES = Set.of("http", "https", "file");

  private final Path dir;
  private final SourceMirrors mirrors;
  private final HttpClient http;

  /**
   * A cache fetching https sources with the JDK's default trust: its cacerts, or the trust store
   * named by the standard {@code javax.net.ssl.trustStore} property (e.g. set through
   * JAVA_TOOL_OPTIONS for a site with a private CA).
   *
   * @param dir the cache directory (made when missing)
   */
  public SourceCache(Path dir) {
    this(dir, SourceMirrors.NONE);
  }

  /**
   * A cache that looks in source mirrors before a source's own URL.
   *
   * @param dir the cache directory (made when missing)
   * @param mirrors folders and URLs holding source files by name
   */
  public SourceCache(Path dir, SourceMirrors mirrors) {
    this(dir, mirrors, HttpClient.newBuilder());
  }

  /**
   * A cache fetching https sources with this TLS context (its trust managers decide which servers
   * are trusted).
   *
   * @param dir the cache directory (made when missing)
   * @param tls the TLS context of https fetches
   */
  public SourceCache(Path dir, SSLContext tls) {
    this(dir, SourceMirrors.NONE, HttpClient.newBuilder().sslContext(tls));
  }

  private SourceCache(Path dir, SourceMirrors mirrors, HttpClient.Builder http) {
    this.dir = dir;
    this.mirrors = mirrors;
    this.http =
        http.followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
  }

  /** The cache directory. */
  public Path dir() {
    return dir;
  }

  /** Tells whether kiln fetches this source itself (http, https and file URLs). */
  public static boolean fetches(String source) {
    return scheme(source).map(SCHEMES::contains).orElse(false);
  }

  /**
   * The cached, verified file of a source, fetching it first when it is missing or does not match;
   * the network may be used.
   *
   * @see #fetch(String, String, String, boolean)
   */
  public Path fetch(String source, String filename, String sha256) throws BuildException {
    return fetch(source, filename, sha256, true);
  }

  /**
   * The cached, verified file of a source. Looked up in order: the cache, the mirror folders, the
   * URL mirrors, then the source's own URL; the last two only when the network is allowed (a {@code
   * file:} source is read all the same). Mirrors are consulted only with a sha256.
   *
   * @param source the URL (http, https or file), or a bare file name that only mirrors provide
   * @param filename the name to keep it under
   * @param sha256 the expected sha256 in hex; empty when the plan sets no pkg_shasum: then there is
   *     nothing to check a cached file against, so the source is always fetched again (as
   *     download_file does without a shasum), and checking it is left to the plan's do_verify
   * @param network whether the network may be used ({@code network: never} says no)
   * @throws BuildException when it cannot be had or does not match (naming the URL, the file, the
   *     expected and the computed checksum, the mirrors looked in)
   */
  public Path fetch(String source, String filename, String sha256, boolean network)
      throws BuildException {
    if (filename.isEmpty() || filename.contains("/") || filename.startsWith(".")) {
      throw new BuildException("cannot cache source " + source + " as '" + filename + "'");
    }
    Path cached = dir.resolve(filename);
    List<String> tried = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      if (!sha256.isEmpty()) {
        if (Files.isRegularFile(cached) && sha256Of(cached).equals(sha256)) {
          return cached;
        }
        Optional<Path> mirrored = mirrors.find(filename, sha256, tried);
        if (mirrored.isPresent()) {
          return keep(mirrored.get().toUri().toString(), filename, sha256);
        }
        for (String url : network ? mirrors.urlsOf(filename) : List.<String>of()) {
          try {
            return keep(url, filename, sha256);
          } catch (BuildException | IOException missing) {
            tried.add(url + ": " + missing.getMessage());
          }
        }
      }
      if (fetches(source) && (network || !NetworkPolicy.isRemote(source))) {
        return keep(source, filename, sha256);
      }
    } catch (SSLException e) {
      throw new BuildException(
          "cannot download "
              + source
              + ": "
              + e.getMessage()
              + " (the server's certificate is not trusted: add its CA to the JDK's trust store, or"
              + " name a trust store holding it with -Djavax.net.ssl.trustStore=FILE, e.g. in"
              + " JAVA_TOOL_OPTIONS)",
          null,
          e);
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("cannot download " + source + " into " + cached, e), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while downloading " + source, null, e);
    }
    throw missing(source, filename, sha256, network, tried);
  }

  /** Fetches into a partial file, checks the sha256 and only then renames it into the cache. */
  private Path keep(String from, String filename, String sha256)
      throws IOException, InterruptedException, BuildException {
    Path cached = dir.resolve(filename);
    Path partial = Files.createTempFile(dir, "." + filename, ".partial");
    try {
      String computed = download(from, partial);
      if (!sha256.isEmpty() && !computed.equals(sha256)) {
        throw new BuildException(
            String.format(
                "checksum mismatch for %s downloaded from %s%n  Expected: %s%n  Computed: %s%n"
                    + "Fix pkg_shasum in the plan (or the source URL).",
                filename, from, sha256, computed));
      }
      Files.move(
          partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return cached;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private BuildException missing(
      String source, String filename, String sha256, boolean network, List<String> tried) {
    String why;
    if (sha256.isEmpty() && !fetches(source)) {
      why =
          "pkg_source is not a URL kiln can fetch (http, https or file) and the plan sets no"
              + " pkg_shasum to find it by in a source mirror";
    } else if (!network && fetches(source)) {
      why = "the network is off (network: never) and " + mirrors.lack();
    } else {
      why = "pkg_source is a file name, not a URL, and " + mirrors.lack();
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                "source %s (sha256 %s) is not in the source cache %s: %s.",
                filename, sha256.isEmpty() ? "not given" : sha256, dir, why));
    tried.forEach(line -> text.append(System.lineSeparator()).append("  ").append(line));
    text.append(System.lineSeparator())
        .append(
            "Put the file in a source mirror folder (kiln.yaml 'sources', or --sources DIR on"
                + " kiln build)"
                + (network ? "" : ", or allow downloads (network: download)")
                + ".");
    return new BuildException(text.toString());
  }

  private String download(String source, Path into)
      throws IOException, InterruptedException, BuildException {
    URI uri = URI.create(source);
    if ("file".equals(uri.getScheme())) {
      try (InputStream in = Files.newInputStream(Path.of(uri))) {
        return copy(in, into);
      }
    }
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new BuildException(
            "cannot download " + source + ": the server answered " + response.statusCode());
      }
      return copy(in, into);
    }
  }

  private static String copy(InputStream in, Path into) throws IOException {
    try (OutputStream out = Files.newOutputStream(into)) {
      return copy(in, out);
    }
  }

  private static String copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = sha256();
    try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return copy(in, OutputStream.nullOutputStream());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static Optional<String> scheme(String source) {
    try {
      return Optional.ofNullable(new URI(source).getScheme()).map(s -> s.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

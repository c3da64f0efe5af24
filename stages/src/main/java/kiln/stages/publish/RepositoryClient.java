package kiln.stages.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.store.PackageStore;
import kiln.stages.store.StoreException;
import kiln.stages.store.Trees;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * {@code kiln fetch}: installs a package and its run dependencies from a published repository into
 * a package store ({@code DIR/hab/pkgs}). Nothing is taken on the server's word: the index must be
 * signed by a key the user holds, each artifact must have the index's size, SHA-256 and payload
 * BLAKE2b, and its own signature must verify before the store unpacks it.
 */
public final class RepositoryClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final OriginKeys keys;
  private final HttpClient http;

  /**
   * @param base the repository's URL, e.g. {@code http://127.0.0.1:8700/}
   * @param keys the public keys the user trusts
   */
  public RepositoryClient(URI base, OriginKeys keys) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.keys = keys;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Installs the newest package matching {@code wanted} and everything it needs.
   *
   * @throws RepositoryException naming the URL and what failed; nothing half-installed remains
   */
  public FetchResult fetch(PackageIdent wanted, Path into)
      throws RepositoryException, InterruptedException {
    PackageStore store = new PackageStore(into);
    Path temp = null;
    try {
      Files.createDirectories(into);
      temp = Files.createTempDirectory(into.toAbsolutePath(), ".kiln-fetch-");
      Path indexFile = temp.resolve(SignedIndex.FILE);
      download("latest/" + SignedIndex.FILE, indexFile, 64L << 20);
      RepositoryIndex index = SignedIndex.read(indexFile, keys);
      IndexEntry entry =
          index
              .newest(wanted)
              .orElseThrow(
                  () ->
                      new RepositoryException(
                          "no package matches "
                              + wanted
                              + " in "
                              + base
                              + " (release "
                              + index.release()
                              + ")"));
      List<IndexEntry> order;
      try {
        order = index.withDependencies(entry);
      } catch (IllegalArgumentException e) {
        throw new RepositoryException(base + ": " + e.getMessage(), e);
      }
      return install(index, order, store, temp);
    } catch (IOException e) {
      throw new RepositoryException(
          IoFailures.message("cannot fetch " + wanted + " into " + into, e), e);
    } finally {
      Trees.deleteQuietly(temp);
    }
  }

  private FetchResult install(
      RepositoryIndex index, List<IndexEntry> order, PackageStore store, Path temp)
      throws RepositoryException, IOException, InterruptedException {
    List<PackageIdent> installed = new ArrayList<>();
    List<PackageIdent> present = new ArrayList<>();
    for (IndexEntry entry : order) {
      if (isInstalled(store, entry.ident())) {
        present.add(entry.ident());
        continue;
      }
      String path = Releases.RELEASES + "/" + index.release() + "/" + entry.file();
      Path file = temp.resolve(entry.fileName());
      download(path, file, entry.size());
      requireAsIndexed(entry, file, path);
      try {
        store.install(file, keys);
      } catch (ArtifactException | StoreException e) {
        throw new RepositoryException(base + path + ": " + e.getMessage(), e);
      }
      installed.add(entry.ident());
    }
    return new FetchResult(index.release(), installed, present);
  }

  private static boolean isInstalled(PackageStore store, PackageIdent ident)
      throws RepositoryException {
    try {
      return store.installed(ident.origin(), ident.name()).stream()
          .anyMatch(p -> p.ident().equals(ident));
    } catch (StoreException e) {
      throw new RepositoryException(e.getMessage(), e);
    }
  }

  /** The downloaded artifact must be the one the signed index describes, byte for byte. */
  private void requireAsIndexed(IndexEntry expected, Path file, String path)
      throws RepositoryException {
    IndexEntry actual;
    try {
      actual = ArtifactFacts.read(file, keys);
    } catch (ArtifactException e) {
      throw new RepositoryException(base + path + ": " + e.getMessage(), e);
    }
    List<String> wrong = new ArrayList<>();
    if (!actual.ident().equals(expected.ident())) {
      wrong.add("it holds " + actual.ident() + ", not " + expected.ident());
    }
    if (actual.size() != expected.size()) {
      wrong.add("it is " + actual.size() + " bytes, the index says " + expected.size());
    }
    if (!actual.sha256().equals(expected.sha256())) {
      wrong.add("its sha256 is " + actual.sha256() + ", the index says " + expected.sha256());
    }
    if (!actual.blake2b().equals(expected.blake2b())) {
      wrong.add(
          "its payload's blake2b is "
              + actual.blake2b()
              + ", the index says "
              + expected.blake2b());
    }
    if (!wrong.isEmpty()) {
      throw new RepositoryException(
          base + path + " is not the artifact the signed index lists: " + String.join("; ", wrong));
    }
  }

  /** Downloads one file, refusing an answer other than 200 or longer than {@code limit} bytes. */
  private void download(String path, Path to, long limit)
      throws RepositoryException, IOException, InterruptedException {
    URI uri = base.resolve(path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new RepositoryException(uri + ": the server answered " + response.statusCode());
      }
      long copied = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(to)) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          copied += n;
          if (copied > limit) {
            throw new RepositoryException(
                uri + ": more than the " + limit + " bytes the index says it has");
          }
          out.write(buffer, 0, n);
        }
      }
    }
  }
}

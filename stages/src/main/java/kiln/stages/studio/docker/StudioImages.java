package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import kiln.stages.studio.StudioException;
import kiln.toolchain.TarballEntry;
import kiln.toolchain.TarballException;
import kiln.toolchain.TarballProblem;
import kiln.toolchain.ToolsTarball;
import kiln.world.IoFailures;

/**
 * The images studios start from, built locally {@code FROM scratch} and reused: a stage1 image per
 * tools tarball (tagged by the tarball's sha256) and one base image for default studios. Nothing is
 * ever pulled.
 */
final class StudioImages {

  static final String IMAGE = StudioOwner.PREFIX + "image";
  static final String TOOLS_SHA = StudioOwner.PREFIX + "tools-sha256";
  static final String LAYOUT = StudioOwner.PREFIX + "layout";

  /** The repositories kiln tags its images in; nothing else is ever pruned. */
  private static final List<String> REPOSITORIES = List.of("kiln-stage1:", "kiln-studio-base:");

  private final Engine engine;

  /** How many images this process has built on the engine. */
  private final java.util.concurrent.atomic.AtomicLong built =
      new java.util.concurrent.atomic.AtomicLong();

  /** Images known to be current, as tag@sha. */
  private final Set<String> current = ConcurrentHashMap.newKeySet();

  StudioImages(Engine engine) {
    this.engine = engine;
  }

  /** Whether {@code tag} names an image the way kiln names its studio images. */
  static boolean isKilnTag(String tag) {
    return REPOSITORIES.stream().anyMatch(tag::startsWith);
  }

  /** Forgets which images were found current: the next use asks the engine again. */
  void forget() {
    current.clear();
  }

  /** How many images this process has built on the engine so far. */
  long built() {
    return built.get();
  }

  /** The stage1 image for a tools tarball, built if there is none yet. */
  String stage1(Path tarball) throws StudioException {
    String sha = sha256(tarball);
    String tag = "kiln-stage1:" + sha.substring(0, 12);
    if (isCurrent(tag, sha)) {
      return tag;
    }
    Optional<String> replaced = engine.imageId(tag);
    try {
      byte[] skeleton = StudioLayout.skeleton(stage1Links(tarball));
      build(
          tag,
          "ADD tools.tar.xz /\nADD studio.tar /\n",
          Map.of(IMAGE, "stage1", TOOLS_SHA, sha, LAYOUT, StudioLayout.VERSION),
          Optional.of(tarball),
          skeleton);
      dropReplaced(replaced, tag);
      return tag;
    } catch (IOException e) {
      throw new StudioException("cannot make the studio skeleton: " + e.getMessage(), e);
    }
  }

  /**
   * The stage1 links for a tarball, after checking it as {@code kiln stage0 verify} does: the
   * engine unpacks it with ADD, which must only ever see entries under tools/.
   */
  private static Map<String, String> stage1Links(Path tarball) throws StudioException {
    List<TarballProblem> problems = ToolsTarball.verify(tarball);
    if (!problems.isEmpty()) {
      throw new StudioException(
          "the tools tarball "
              + tarball
              + " cannot make a studio: "
              + problems.stream().map(TarballProblem::toString).collect(Collectors.joining("; ")));
    }
    try {
      Set<String> names = new TreeSet<>();
      for (TarballEntry e : ToolsTarball.list(tarball)) {
        names.add(e.path().replaceFirst("^\\./", "").replaceFirst("/$", ""));
      }
      return StudioLayout.stage1Links(names);
    } catch (TarballException | IllegalArgumentException e) {
      throw new StudioException(
          "the tools tarball " + tarball + " cannot make a studio: " + e.getMessage(), e);
    }
  }

  /** The image of default studios: the skeleton only; packages are mounted at run time. */
  String base() throws StudioException {
    String tag = "kiln-studio-base:" + StudioLayout.VERSION;
    if (isCurrent(tag, "")) {
      return tag;
    }
    Optional<String> replaced = engine.imageId(tag);
    try {
      build(
          tag,
          "ADD studio.tar /\n",
          Map.of(IMAGE, "base", LAYOUT, StudioLayout.VERSION),
          Optional.empty(),
          // env lives in /bin (the backline, mounted per run); scripts look for /usr/bin/env.
          StudioLayout.skeleton(Map.of("usr/bin/env", "/bin/env")));
      dropReplaced(replaced, tag);
      return tag;
    } catch (IOException e) {
      throw new StudioException("cannot make the studio skeleton: " + e.getMessage(), e);
    }
  }

  /** Removes the image a rebuild left untagged (one made by an older kiln), if nothing uses it. */
  private void dropReplaced(Optional<String> oldId, String tag) {
    Optional<String> newId = engine.imageId(tag);
    if (oldId.isPresent() && !oldId.equals(newId)) {
      engine.removeImage(oldId.get());
    }
  }

  private boolean isCurrent(String tag, String sha) {
    if (current.contains(tag + "@" + sha)) {
      return true; // checked (or built) by this process already: spare the engine a question
    }
    Optional<Map<String, String>> labels = engine.imageLabels(tag);
    boolean ok =
        labels.isPresent()
            && StudioLayout.VERSION.equals(labels.get().get(LAYOUT))
            && sha.equals(labels.get().getOrDefault(TOOLS_SHA, ""));
    if (ok) {
      current.add(tag + "@" + sha);
    }
    return ok;
  }

  private void build(
      String tag,
      String steps,
      Map<String, String> labels,
      Optional<Path> toolsTarball,
      byte[] skeleton)
      throws StudioException {
    // Only the ADD steps: each ENV, LABEL or CMD step would cost the legacy builder another
    // container. Labels go in with the build request; every run sets its own command and PATH.
    String dockerfile = "FROM scratch\n" + steps;
    try {
      new ImageBuild(engine.client())
          .file("Dockerfile", dockerfile.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .file("studio.tar", skeleton)
          .file("tools.tar.xz", toolsTarball)
          .build(tag, labels);
      built.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      throw new StudioException(
          "cannot build the studio image "
              + tag
              + " on "
              + engine.endpoint()
              + ": "
              + rootMessage(e),
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return IoFailures.describe(e);
  }

  String sha256(Path tarball) throws StudioException {
    if (!Files.isRegularFile(tarball)) {
      throw new StudioException("the tools tarball " + tarball + " does not exist");
    }
    try {
      return InputDigests.of(tarball);
    } catch (IOException e) {
      throw new StudioException(
          IoFailures.message("cannot read the tools tarball " + tarball, e), e);
    }
  }
}

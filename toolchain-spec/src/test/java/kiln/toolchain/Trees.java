package kiln.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: writing small trees and describing a tree so two can be compared. */
final class Trees {

  private Trees() {}

  static Path write(Path file, String content, int mode) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setAttribute(file, "unix:mode", mode);
    return file;
  }

  /** Each path under {@code root} to "type mode content-or-target", no mtimes. */
  static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        tree.put(root.relativize(path).toString(), describeOne(path));
      }
    }
    return tree;
  }

  private static String describeOne(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      return "link -> " + Files.readSymbolicLink(path);
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    String octal = Integer.toOctalString(mode);
    if (Files.isDirectory(path)) {
      return "dir " + octal;
    }
    return "file " + octal + " " + sha256(Files.readAllBytes(path));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs a host command, returning its output; fails the test when it exits non-zero. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + exit + ": " + output);
    }
    return output;
  }
}

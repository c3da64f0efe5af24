package kiln.stages.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kiln.world.IoFailures;

/**
 * A directory of origin keys in Habitat's file formats: {@code origin-rev.sig.key} (secret,
 * SIG-SEC-1) and {@code origin-rev.pub} (public, SIG-PUB-1). The latest key of an origin, the one
 * with the highest revision, signs.
 */
public final class OriginKeys {

  /** Habitat's rule for origin names, stricter than the plan syntax: lower case only. */
  private static final Pattern ORIGIN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,254}");

  private static final DateTimeFormatter REVISION =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Clock clock;

  /**
   * @param directory where the key files are
   * @param clock the revision of a generated key is this clock's time in UTC
   */
  public OriginKeys(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  /** The keys in a directory, with the system clock. */
  public static OriginKeys in(Path directory) {
    return new OriginKeys(directory, Clock.systemUTC());
  }

  /** The default key directory: {@code $KILN_KEYS}, else {@code ~/.kiln/keys}. */
  public static Path defaultDirectory(Map<String, String> environment, Path home) {
    String dir = environment.get("KILN_KEYS");
    return dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".kiln").resolve("keys");
  }

  public Path directory() {
    return directory;
  }

  /**
   * Generates a key pair for an origin, revision = now in UTC.
   *
   * @throws ArtifactException when the origin name is invalid, a key of that revision exists, or
   *     the files cannot be written
   */
  public GeneratedKey generate(String origin) throws ArtifactException {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new ArtifactException(
          "invalid origin '"
              + origin
              + "': origins are lower-case letters, digits, '-' and '_', starting with a letter"
              + " or digit");
    }
    SecretSigningKey secret =
        SecretSigningKey.generate(new KeyName(origin, REVISION.format(clock.instant())));
    KeyName name = secret.name();
    Path pub = directory.resolve(name.publicFileName());
    Path sec = directory.resolve(name.secretFileName());
    try {
      Files.createDirectories(directory);
      String secretText = KeyFile.format(KeyFile.SECRET_VERSION, name, secret.bytes());
      String publicText = KeyFile.format(KeyFile.PUBLIC_VERSION, name, secret.publicKey().bytes());
      AtomicFiles.write(
          sec,
          PosixFilePermissions.fromString("r--------"),
          false,
          out -> out.write(secretText.getBytes(StandardCharsets.US_ASCII)));
      AtomicFiles.write(
          pub,
          PosixFilePermissions.fromString("r--r--r--"),
          false,
          out -> out.write(publicText.getBytes(StandardCharsets.US_ASCII)));
    } catch (FileAlreadyExistsException e) {
      throw new ArtifactException(
          "key " + name + " already exists in " + directory + ": generate again in a second", e);
    } catch (IOException e) {
      throw new ArtifactException(
          IoFailures.message("cannot write key " + name + " to " + directory, e), e);
    }
    return new GeneratedKey(name, pub, sec);
  }

  /**
   * Imports a key from the text of a Habitat key file ({@code SIG-PUB-1} or {@code SIG-SEC-1}),
   * writing it under its own name, {@code name-rev.pub} or {@code name-rev.sig.key}; a secret key
   * brings its public half. The same key already there is fine; another one of that name is an
   * error.
   *
   * @param from where the text came from (a file name, or standard input), for messages
   * @return the key's files now in this directory, the public one first
   * @throws ArtifactException naming {@code from} and line when the text is no signing key, or the
   *     file that holds another key of the same name
   */
  public List<Path> importKey(String text, String from) throws ArtifactException {
    return new KeyImport(directory).importKey(text, from);
  }

  /**
   * The origin's latest secret signing key (highest revision).
   *
   * @throws ArtifactException when the origin has no secret key here, or it is unreadable
   */
  public SecretSigningKey latestSigningKey(String origin) throws ArtifactException {
    Optional<Path> latest = latest(origin, ".sig.key");
    if (latest.isEmpty()) {
      throw new ArtifactException(
          "no signing key for origin '"
              + origin
              + "' in "
              + directory
              + ": run 'kiln origin key generate "
              + origin
              + " --keys "
              + directory
              + "' or pass --keys");
    }
    return KeyFile.readSecret(latest.get());
  }

  /**
   * Tells whether this directory holds any secret signing key at all, of any origin: checked before
   * a build starts, when the plan's origin is not known yet.
   */
  public boolean hasAnySigningKey() throws ArtifactException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    Pattern any = Pattern.compile(".+-\\d{14}" + Pattern.quote(".sig.key"));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (any.matcher(file.getFileName().toString()).matches()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot list keys in " + directory, e), e);
    }
  }

  /**
   * The public key of exactly this name and revision.
   *
   * @throws ArtifactException naming the missing file, or saying what is wrong with it
   */
  public PublicSigningKey publicKey(KeyName name) throws ArtifactException {
    Path file = directory.resolve(name.publicFileName());
    if (!Files.isRegularFile(file)) {
      throw new ArtifactException(
          "no public key "
              + name.publicFileName()
              + " in "
              + directory
              + ": import it (kiln origin key import FILE --keys "
              + directory
              + ") or pass the --keys that holds it");
    }
    return KeyFile.readPublic(file);
  }

  /** The latest public key of an origin, if it has one here. */
  public Optional<PublicSigningKey> latestPublicKey(String origin) throws ArtifactException {
    Optional<Path> latest = latest(origin, ".pub");
    return latest.isEmpty() ? Optional.empty() : Optional.of(KeyFile.readPublic(latest.get()));
  }

  /**
   * The file of the highest revision: names are {@code origin-} and exactly 14 digits, so origin
   * {@code demo} never picks up a key of origin {@code demo-extra}.
   */
  private Optional<Path> latest(String origin, String extension) throws ArtifactException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Pattern own =
        Pattern.compile(Pattern.quote(origin + "-") + "\\d{14}" + Pattern.quote(extension));
    Path best = null;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        if (own.matcher(fileName).matches()
            && (best == null || fileName.compareTo(best.getFileName().toString()) > 0)) {
          best = file;
        }
      }
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot list keys in " + directory, e), e);
    }
    return Optional.ofNullable(best);
  }
}

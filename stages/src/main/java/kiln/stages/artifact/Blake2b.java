package kiln.stages.artifact;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b-256 as Habitat uses it: unkeyed, digest length 32 in the parameter block (not a cut
 * BLAKE2b-512), written as lowercase hex. The JDK has no BLAKE2b, so BouncyCastle computes it.
 */
public final class Blake2b {

  private final Blake2bDigest digest = new Blake2bDigest(256);

  /** The lowercase hex BLAKE2b-256 of a file's bytes. */
  public static String hexOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return hexOf(in);
    }
  }

  /** The lowercase hex BLAKE2b-256 of everything left in a stream. */
  public static String hexOf(InputStream in) throws IOException {
    Blake2b hash = new Blake2b();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      hash.update(buffer, 0, n);
    }
    return hash.hex();
  }

  /** The lowercase hex BLAKE2b-256 of some bytes. */
  public static String hexOf(byte[] bytes) {
    Blake2b hash = new Blake2b();
    hash.update(bytes, 0, bytes.length);
    return hash.hex();
  }

  void update(byte[] bytes, int offset, int length) {
    digest.update(bytes, offset, length);
  }

  /** Finishes the hash; the instance starts over afterwards. */
  String hex() {
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  /** An output stream that hashes what passes through it. */
  static final class HashingOutputStream extends FilterOutputStream {
    private final Blake2b hash = new Blake2b();

    HashingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      hash.update(bytes, offset, length);
      out.write(bytes, offset, length);
    }

    String hex() {
      return hash.hex();
    }
  }

  /** An input stream that hashes what is read through it. */
  public static final class HashingInputStream extends java.io.FilterInputStream {
    private final Blake2b hash = new Blake2b();

    public HashingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = in.read(bytes, offset, length);
      if (n > 0) {
        hash.update(bytes, offset, n);
      }
      return n;
    }

    /** Skipped bytes are read, so that they are hashed too. */
    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int got = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (got == -1) {
          break;
        }
        skipped += got;
      }
      return skipped;
    }

    /** Reads what is left, then the lowercase hex of everything that passed. */
    public String drainAndHex() throws IOException {
      byte[] buffer = new byte[64 * 1024];
      while (read(buffer, 0, buffer.length) != -1) {
        // hashing is the point
      }
      return hash.hex();
    }
  }
}

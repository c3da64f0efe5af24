/*
 * hartsodium: an independent check of kiln's HART-1 documents, written against libsodium (the
 * library Habitat itself signs and verifies with), sharing no code with kiln's Java.
 *
 *   hartsodium verify KEYDIR FILE          verify FILE by Habitat's rules; print the signer
 *   hartsodium sign SECKEYFILE PAYLOAD OUT  write OUT = HART-1 header + PAYLOAD, signed as hab does
 *   hartsodium keygen NAME-REV DIR          write NAME-REV.pub and NAME-REV.sig.key (libsodium keys)
 *   hartsodium hash FILE                    print the BLAKE2b-256 hex of FILE
 *
 * Exit 0 on success; 1 with a message on stderr otherwise.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *detail) {
  fprintf(stderr, "hartsodium: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  return 1;
}

/* Reads one line (without the newline), trimmed of surrounding whitespace. 0 at end of file. */
static int read_line(FILE *in, char *buf, size_t size) {
  if (!fgets(buf, (int)size, in)) return 0;
  size_t len = strlen(buf);
  while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' ')) buf[--len] = 0;
  size_t start = 0;
  while (buf[start] == ' ') start++;
  memmove(buf, buf + start, len - start + 1);
  return 1;
}

/* BLAKE2b with a 32-byte digest (set in the parameter block), of the rest of a stream, as hex. */
static void hash_rest(FILE *in, char hex[65]) {
  crypto_generichash_state state;
  unsigned char digest[32], buf[65536];
  size_t n;
  crypto_generichash_init(&state, NULL, 0, sizeof digest);
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) crypto_generichash_update(&state, buf, n);
  crypto_generichash_final(&state, digest, sizeof digest);
  sodium_bin2hex(hex, 65, digest, sizeof digest);
}

/* Reads a key file: VERSION, name-rev, empty line, base64 key of exactly len bytes. */
static int read_key(const char *path, const char *version, unsigned char *key, size_t len, char name[256]) {
  char line[1024];
  size_t got = 0;
  FILE *in = fopen(path, "rb");
  if (!in) return fail("cannot open key", path);
  int ok = read_line(in, line, sizeof line) && strcmp(line, version) == 0 &&
           read_line(in, name, 256) && read_line(in, line, sizeof line) && line[0] == 0 &&
           read_line(in, line, sizeof line) &&
           sodium_base642bin(key, len, line, strlen(line), NULL, &got, NULL,
                             sodium_base64_VARIANT_ORIGINAL) == 0 && got == len;
  fclose(in);
  return ok ? 0 : fail("not a valid key file", path);
}

static int verify(const char *keydir, const char *file) {
  char format[256], signer[256], hashtype[256], sig64[1024], empty[256], path[4096], keyname[256];
  unsigned char sig[256], message[256], pk[crypto_sign_PUBLICKEYBYTES];
  size_t siglen = 0;
  unsigned long long msglen = 0;
  char hex[65];
  FILE *in = fopen(file, "rb");
  if (!in) return fail("cannot open", file);
  if (!read_line(in, format, sizeof format) || strcmp(format, "HART-1") != 0) return fail("not HART-1", format);
  if (!read_line(in, signer, sizeof signer)) return fail("no signer line", NULL);
  if (!read_line(in, hashtype, sizeof hashtype) || strcmp(hashtype, "BLAKE2b") != 0) return fail("hash type is not BLAKE2b", hashtype);
  if (!read_line(in, sig64, sizeof sig64)) return fail("no signature line", NULL);
  if (!read_line(in, empty, sizeof empty) || empty[0] != 0) return fail("no empty line after the header", NULL);
  if (sodium_base642bin(sig, sizeof sig, sig64, strlen(sig64), NULL, &siglen, NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
    return fail("signature is not base64", NULL);
  snprintf(path, sizeof path, "%s/%s.pub", keydir, signer);
  if (read_key(path, "SIG-PUB-1", pk, sizeof pk, keyname) != 0) return 1;
  if (crypto_sign_open(message, &msglen, sig, siglen, pk) != 0) return fail("bad signature", signer);
  hash_rest(in, hex);
  fclose(in);
  if (msglen != 64 || sodium_memcmp(message, hex, 64) != 0) return fail("hashes don't match", hex);
  printf("%s\n", signer);
  return 0;
}

static int sign(const char *keyfile, const char *payload, const char *out_path) {
  unsigned char sk[crypto_sign_SECRETKEYBYTES], signed_msg[crypto_sign_BYTES + 64];
  unsigned long long signed_len = 0;
  char name[256], hex[65], b64[sodium_base64_ENCODED_LEN(crypto_sign_BYTES + 64, sodium_base64_VARIANT_ORIGINAL)];
  unsigned char buf[65536];
  size_t n;
  if (read_key(keyfile, "SIG-SEC-1", sk, sizeof sk, name) != 0) return 1;
  FILE *in = fopen(payload, "rb");
  if (!in) return fail("cannot open", payload);
  hash_rest(in, hex);
  crypto_sign(signed_msg, &signed_len, (unsigned char *)hex, 64, sk);
  sodium_bin2base64(b64, sizeof b64, signed_msg, (size_t)signed_len, sodium_base64_VARIANT_ORIGINAL);
  FILE *out = fopen(out_path, "wb");
  if (!out) return fail("cannot create", out_path);
  fprintf(out, "HART-1\n%s\nBLAKE2b\n%s\n\n", name, b64);
  rewind(in);
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
  fclose(in);
  return fclose(out) == 0 ? 0 : fail("cannot write", out_path);
}

static int write_key(const char *dir, const char *name, const char *ext, const char *version,
                     const unsigned char *key, size_t len) {
  char path[4096], b64[256];
  sodium_bin2base64(b64, sizeof b64, key, len, sodium_base64_VARIANT_ORIGINAL);
  snprintf(path, sizeof path, "%s/%s%s", dir, name, ext);
  FILE *out = fopen(path, "wb");
  if (!out) return fail("cannot create", path);
  fprintf(out, "%s\n%s\n\n%s", version, name, b64);
  return fclose(out) == 0 ? 0 : fail("cannot write", path);
}

static int keygen(const char *name, const char *dir) {
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  return write_key(dir, name, ".pub", "SIG-PUB-1", pk, sizeof pk) ||
         write_key(dir, name, ".sig.key", "SIG-SEC-1", sk, sizeof sk);
}

int main(int argc, char **argv) {
  if (sodium_init() < 0) return fail("libsodium does not initialise", NULL);
  if (argc == 4 && strcmp(argv[1], "verify") == 0) return verify(argv[2], argv[3]);
  if (argc == 5 && strcmp(argv[1], "sign") == 0) return sign(argv[2], argv[3], argv[4]);
  if (argc == 4 && strcmp(argv[1], "keygen") == 0) return keygen(argv[2], argv[3]);
  if (argc == 3 && strcmp(argv[1], "hash") == 0) {
    char hex[65];
    FILE *in = fopen(argv[2], "rb");
    if (!in) return fail("cannot open", argv[2]);
    hash_rest(in, hex);
    printf("%s\n", hex);
    return 0;
  }
  return fail("usage: hartsodium verify KEYDIR FILE | sign SECKEY PAYLOAD OUT | keygen NAME-REV DIR | hash FILE", NULL);
}

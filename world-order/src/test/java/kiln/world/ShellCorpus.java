package kiln.world;

import java.util.List;
import java.util.Random;

/**
 * Composes shell text from the pieces of bash's grammar that plans and other scripts use, nested at
 * random: functions, here-documents (plain, {@code <<-}, quoted delimiters, two on a line, inside
 * substitutions), here-strings, arithmetic with shifts and comparisons, case arms with every
 * terminator, nested command substitutions holding quotes and parentheses, ANSI-C quoting,
 * backticks, comments holding quotes, {@code [[ ]]}, process substitution, line continuations and
 * arrays. Deterministic for a seed.
 */
final class ShellCorpus {

  private final Random random;
  private int delimiters;

  ShellCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** Statements for a plan's body, a few lines to a few dozen. */
  String body() {
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      out.append(statement(0)).append('\n');
    }
    return out.toString();
  }

  /**
   * The text with one character removed or one inserted: mostly not bash any more, sometimes so.
   */
  String damaged(String text) {
    if (text.isEmpty()) {
      return text;
    }
    int at = random.nextInt(text.length());
    if (random.nextBoolean()) {
      return text.substring(0, at) + text.substring(at + 1);
    }
    char c = "\"'(){}$`<>;|&\\#\n".charAt(random.nextInt(16));
    return text.substring(0, at) + c + text.substring(at);
  }

  private String statement(int depth) {
    int kinds = depth >= 3 ? 10 : 22;
    return switch (random.nextInt(kinds)) {
      case 0, 1 -> command();
      case 2 -> assignment();
      case 3 -> array();
      case 4 -> heredoc();
      case 5 -> hereString();
      case 6 -> arithmetic();
      case 7 -> pick("# it's a \"comment\" (with ) and { in it", "echo done # don't (stop");
      case 8 -> "echo " + word() + " \\\n  " + word() + " \\\n  >/dev/null 2>&1";
      case 9 -> conditional();
      case 10, 11 -> function(depth);
      case 12 -> caseStatement(depth);
      case 13 ->
          "if "
              + condition()
              + "; then\n"
              + block(depth)
              + "\nelif false; then :\nelse\n"
              + block(depth)
              + "\nfi";
      case 14 -> "for x in " + word() + " " + word() + "; do\n" + block(depth) + "\ndone";
      case 15 -> "for ((i = 0; i < 3; i++)); do\n" + block(depth) + "\ndone";
      case 16 -> "while read -r line; do\n" + block(depth) + "\ndone < <(printf '%s\\n' a b)";
      case 17 -> "{ " + statement(depth + 1) + "\n} >/dev/null";
      case 18 -> "( " + statement(depth + 1) + "\n)";
      case 19 -> "v=$(\n" + statement(depth + 1) + "\n)";
      case 20 -> command() + " | " + command() + " && " + command() + " || ! " + command();
      default -> "diff <(" + command() + ") >(cat) || " + command();
    };
  }

  private String block(int depth) {
    return statement(depth + 1) + (random.nextBoolean() ? "\n" + statement(depth + 1) : "");
  }

  private String command() {
    StringBuilder out = new StringBuilder(pick("echo", "printf '%s\\n'", "grep -q x", ":"));
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.append(' ').append(word());
    }
    return out.toString();
  }

  private String assignment() {
    return pick("v", "_x", "local_var") + pick("=", "+=") + word();
  }

  private String array() {
    return pick("a", "declare -a arr", "list")
        + pick("=(", "+=(")
        + word()
        + "\n  "
        + word()
        + " # an element's comment (\n  "
        + word()
        + ")";
  }

  private String heredoc() {
    String delimiter = "EOF" + delimiters++;
    boolean tabs = random.nextBoolean();
    String quoted =
        pick(delimiter, "'" + delimiter + "'", "\"" + delimiter + "\"", "\\" + delimiter);
    String indent = tabs ? "\t" : "";
    String body =
        indent
            + pick("text with ' and \" and ) ( } {", "$v ${v:-x} $(echo ')')", "`date` $((1<<2))")
            + "\n"
            + indent
            + pick(" " + delimiter, delimiter + "x", "# not a comment", "case x in a) esac")
            + "\n";
    String open = (tabs ? "<<-" : "<<") + pick("", " ") + quoted;
    return switch (random.nextInt(4)) {
      case 0 -> "cat " + open + " | tr a b\n" + body + indent + delimiter;
      case 1 -> "v=$(cat " + open + "\n" + body + indent + delimiter + "\n)";
      case 2 -> "cat " + open + " >/dev/null && echo after\n" + body + indent + delimiter;
      default -> {
        String second = "EOF" + delimiters++;
        yield "cat "
            + open
            + " - <<"
            + second
            + "\n"
            + body
            + indent
            + delimiter
            + "\n"
            + "second ) body\n"
            + second;
      }
    };
  }

  private String hereString() {
    return pick("grep x", "read -r a b", "tr a b") + " <<<" + pick("", " ") + word();
  }

  private String arithmetic() {
    String expr = pick("1 << 2", "x >> 1", "a < b", "(1 + 2) * 3", "$(echo 1) + 1", "y <<= 2");
    return switch (random.nextInt(3)) {
      case 0 -> "n=$(( " + expr + " ))";
      case 1 -> "(( " + expr + " )) || true";
      default -> "echo \"$(( " + expr + " ))\"";
    };
  }

  private String conditional() {
    return pick("[[ $a < $b ]]", "[[ $x =~ ^(a|b)$ ]]", "[[ -z $v ]]") + " && " + command();
  }

  private String condition() {
    return pick(
        "[[ $a < $b ]]",
        "[[ -n \"$x\" && $y == a* ]]",
        "[[ $x =~ ^(a|b)$ ]]",
        "[[ ! -f /x || ( -d /y ) ]]",
        "[ \"$x\" = y ]",
        "(( n > 2 ))");
  }

  private String function(int depth) {
    String name = pick("do_build", "helper", "_f" + random.nextInt(9));
    return switch (random.nextInt(3)) {
      case 0 -> name + "() {\n" + block(depth) + "\n}";
      case 1 -> "function " + name + " {\n  " + block(depth) + "\n}";
      default -> name + "() (\n" + block(depth) + "\n)";
    };
  }

  private String caseStatement(int depth) {
    return "case "
        + word()
        + " in\n  a|b) "
        + statement(depth + 1)
        + "\n  ;;\n  (c*) "
        + statement(depth + 1)
        + "\n  ;&\n  *) echo ')' ;;&\n  \"x\")\n  "
        + statement(depth + 1)
        + "\nesac";
  }

  private String word() {
    return pick(
        "plain",
        "\"double $v ${v:-x} $(echo a)\"",
        "'single ( } \"'",
        "$'ansi \\' \\x41'",
        "${v#*/}",
        "$v",
        "a\\ b",
        "\"$(echo \")\" 'x(')\"",
        "`echo b`",
        "{a,b}",
        "*.c",
        "$(echo $(echo \"in (nested)\"))",
        "$( (echo sub) )",
        "$(case $v in a) echo a ;; esac)",
        "${v:-$(echo })}",
        "\"${v:-'}'}\"",
        "$((1 << 2))");
  }

  private String pick(String... options) {
    return List.of(options).get(random.nextInt(options.length));
  }
}

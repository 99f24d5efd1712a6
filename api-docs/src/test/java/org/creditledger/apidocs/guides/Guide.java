package org.creditledger.apidocs.guides;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document read the way {@link GuidesIT} runs it: its fenced code blocks in document order.
 *
 * <ul>
 *   <li>{@code ```bash} — a command a reader runs against a started demo ledger: executed.</li>
 *   <li>{@code ```bash not-run} — a command for something else (building, starting the server, psql, a file the
 *       reader has): shown, never executed.</li>
 *   <li>{@code ```sh}, {@code ```shell}, {@code ```console}, {@code ```zsh} — refused: every command is deliberately
 *       one of the two above.</li>
 *   <li>anything else ({@code ```json}, {@code ```text}, plain {@code ```}) is output or a file's content.</li>
 * </ul>
 */
record Guide(Path file, List<Block> blocks) {

    static final String RUN = "bash";
    static final String NOT_RUN = "not-run";
    static final Set<String> UNMARKED_SHELLS = Set.of("sh", "shell", "console", "zsh", "shell-session");

    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*(.*)$");

    /** One fenced block: the 1-based line of its opening fence, its info string and its text. */
    record Block(int line, String info, String text) {

        boolean runs() {
            List<String> words = words();
            return !words.isEmpty() && words.get(0).equals(RUN) && !words.contains(NOT_RUN);
        }

        boolean unmarkedShell() {
            List<String> words = words();
            return !words.isEmpty() && UNMARKED_SHELLS.contains(words.get(0));
        }

        private List<String> words() {
            return info.isBlank() ? List.of() : List.of(info.strip().split("\\s+"));
        }
    }

    static Guide read(Path file) throws IOException {
        return new Guide(file, blocks(Files.readString(file, StandardCharsets.UTF_8)));
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(2);
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length; i++) {
                String stripped = lines[i].strip();
                if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0))) {
                    break;
                }
                text.append(lines[i]).append('\n');
            }
            blocks.add(new Block(start + 1, open.group(3).strip(), text.toString()));
        }
        return blocks;
    }

    List<Block> runnable() {
        return blocks.stream().filter(Block::runs).toList();
    }

    List<Block> unmarkedShells() {
        return blocks.stream().filter(Block::unmarkedShell).toList();
    }
}

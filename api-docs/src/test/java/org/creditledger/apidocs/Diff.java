package org.creditledger.apidocs;

import java.util.ArrayList;
import java.util.List;

/**
 * A small unified diff of two texts, line by line, for failure messages: common head and tail are skipped, the rest
 * is compared with a longest-common-subsequence table. No dependency; meant for documents of a few thousand lines.
 */
final class Diff {

    /** Above this many table cells the middle part is shown as one replaced block instead of a minimal diff. */
    private static final long MAX_CELLS = 16_000_000L;

    private Diff() {
    }

    record Line(char op, String text, int oldNo, int newNo) {
    }

    /**
     * @param context  unchanged lines shown around each change
     * @param maxLines the output is cut after this many diff lines, with a note saying how many more there are
     */
    static String unified(String oldName, String oldText, String newName, String newText, int context, int maxLines) {
        List<Line> lines = lines(oldText.lines().toArray(String[]::new), newText.lines().toArray(String[]::new));
        StringBuilder out = new StringBuilder("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int shown = 0;
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while the next change is within 2 × context unchanged lines
            int j = i;
            while (j < lines.size()) {
                if (lines.get(j).op() != ' ') {
                    end = j;
                    j++;
                } else if (j - end <= 2 * context) {
                    j++;
                } else {
                    break;
                }
            }
            end = Math.min(lines.size() - 1, end + context);
            Line first = lines.get(start);
            out.append("@@ -").append(first.oldNo()).append(" +").append(first.newNo()).append(" @@\n");
            for (int k = start; k <= end; k++) {
                if (shown == maxLines) {
                    long remaining = lines.subList(k, lines.size()).stream().filter(l -> l.op() != ' ').count();
                    return out.append("... diff cut here; ").append(remaining).append(" more changed lines\n").toString();
                }
                Line line = lines.get(k);
                out.append(line.op()).append(line.text()).append('\n');
                shown++;
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static List<Line> lines(String[] a, String[] b) {
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            lines.add(new Line(' ', a[k], k + 1, k + 1));
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int k = 0; k < n; k++) {
                lines.add(new Line('-', a[head + k], head + k + 1, head + 1));
            }
            for (int k = 0; k < m; k++) {
                lines.add(new Line('+', b[head + k], head + n + 1, head + k + 1));
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = a[head + x].equals(b[head + y]) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && a[head + x].equals(b[head + y])) {
                    lines.add(new Line(' ', a[head + x], head + x + 1, head + y + 1));
                    x++;
                    y++;
                } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                    lines.add(new Line('-', a[head + x], head + x + 1, head + y + 1));
                    x++;
                } else {
                    lines.add(new Line('+', b[head + y], head + x + 1, head + y + 1));
                    y++;
                }
            }
        }
        for (int k = tail; k > 0; k--) {
            lines.add(new Line(' ', a[a.length - k], a.length - k + 1, b.length - k + 1));
        }
        return lines;
    }
}

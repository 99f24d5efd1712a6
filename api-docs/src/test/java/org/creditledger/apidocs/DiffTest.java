package org.creditledger.apidocs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffTest {

    @Test
    void showsOnlyTheChangedLinesWithTheirContext() {
        String old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String now = "a\nb\nc\nD\ne\nf\ng\nh\ni\n";
        String diff = Diff.unified("old", old, "new", now, 1, 50);
        assertThat(diff).isEqualTo("""
                --- old
                +++ new
                @@ -3 +3 @@
                 c
                -d
                +D
                 e
                @@ -8 +8 @@
                 h
                +i
                """);
    }

    @Test
    void aLongDiffIsCutWithACountOfWhatIsLeft() {
        String old = "x\n".repeat(10);
        String now = "y\n".repeat(10);
        String diff = Diff.unified("old", old, "new", now, 3, 5);
        assertThat(diff).endsWith("... diff cut here; 15 more changed lines\n");
        assertThat(diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).count()).isEqualTo(5 + 2);
    }
}

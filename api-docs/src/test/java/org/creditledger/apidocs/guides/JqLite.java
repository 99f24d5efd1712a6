package org.creditledger.apidocs.guides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@code jq} the guides use, for machines without it ({@link GuidesIT} puts it on the guides' PATH as
 * {@code jq} only when no real {@code jq} is there): {@code jq [-r] FILTER [FILE]} (standard input without FILE), where FILTER is a path
 * of {@code .name}, {@code ."name"}, {@code [n]} and {@code []} steps ({@code .}, {@code .entryId},
 * {@code .items[0].entryId}, {@code .items[].entryId}). Anything else exits 3 saying so, so a guide that needs more
 * of jq fails loudly instead of reading a wrong value.
 */
public final class JqLite {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\.\"([^\"]+)\"|\\[(\\d+)]|\\[]|\\.");

    private JqLite() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8), System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        boolean raw = false;
        String filter = null;
        String file = null;
        for (String arg : args) {
            if (arg.equals("-r") || arg.equals("--raw-output")) {
                raw = true;
            } else if (filter == null && !arg.startsWith("-")) {
                filter = arg;
            } else if (file == null && !arg.startsWith("-")) {
                file = arg;
            } else {
                err.println("jq (guide runner's stand-in): only 'jq [-r] .path [file]' is supported, not " + String.join(" ", args));
                return 3;
            }
        }
        if (filter == null) {
            filter = ".";
        }
        List<Object> steps = steps(filter.strip());
        if (steps == null) {
            err.println("jq (guide runner's stand-in): only paths like .items[0].entryId are supported, not " + filter);
            return 3;
        }
        JsonNode input = file == null ? new ObjectMapper().readTree(in) : new ObjectMapper().readTree(java.nio.file.Path.of(file).toFile());
        List<JsonNode> results = List.of(input == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : input);
        for (Object step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : results) {
                if (step instanceof String name) {
                    next.add(node.path(name));
                } else if (step instanceof Integer index) {
                    next.add(node.path(index));
                } else {
                    node.forEach(next::add);
                }
            }
            results = next;
        }
        for (JsonNode result : results) {
            if (result.isMissingNode() || result.isNull()) {
                out.println("null");
            } else if (raw && result.isTextual()) {
                out.println(result.asText());
            } else {
                out.println(result.toString());
            }
        }
        return 0;
    }

    /** The steps of a path filter: a field name, an index, or {@code null}-free marker {@code Boolean.TRUE} for {@code []}. */
    static List<Object> steps(String filter) {
        if (!filter.startsWith(".")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        Matcher step = STEP.matcher(filter);
        int at = 0;
        while (at < filter.length()) {
            if (!step.find(at) || step.start() != at) {
                return null;
            }
            if (step.group(1) != null) {
                steps.add(step.group(1));
            } else if (step.group(2) != null) {
                steps.add(step.group(2));
            } else if (step.group(3) != null) {
                steps.add(Integer.parseInt(step.group(3)));
            } else if (step.group().equals("[]")) {
                steps.add(Boolean.TRUE);
            }
            at = step.end();
        }
        return steps;
    }
}

package io.vendo.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** What a catalog directory sync did, file by file. */
@NamedInterface(name = "administration", propagate = false)
public record SyncReport(String location, Instant finishedAt, List<Entry> entries) {

    public SyncReport {
        entries = List.copyOf(entries);
    }

    public long count(Outcome outcome) {
        return entries.stream().filter(entry -> entry.outcome() == outcome).count();
    }

    public enum Outcome {
        ADDED,
        CHANGED,
        UNCHANGED,
        REFUSED
    }

    /**
     * @param file the file, relative to the directory
     * @param subject the blueprint or target slug
     * @param detail what changed, or why the file was refused
     */
    public record Entry(String file, String subject, Outcome outcome, String detail) {}
}

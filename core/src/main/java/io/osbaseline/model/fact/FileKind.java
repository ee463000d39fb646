package io.osbaseline.model.fact;

/** The kind of a file system entry, after following symbolic links. */
public enum FileKind {
    FILE,
    DIRECTORY,
    OTHER
}

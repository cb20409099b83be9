package dev.pln.model;

/**
 * A result fact that rules insert and the service reads back. The rule that inserted a conclusion is
 * recorded by the engine, so conclusions do not repeat rule ids that already stand in rule metadata.
 */
public interface Conclusion {
}

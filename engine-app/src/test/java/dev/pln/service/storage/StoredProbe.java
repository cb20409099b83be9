package dev.pln.service.storage;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A minimal document the storage tests write and read back. */
@Document("storageProbes")
record StoredProbe(@Id String id, String value) {
}

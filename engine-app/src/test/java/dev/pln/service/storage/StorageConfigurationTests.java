package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;

class StorageConfigurationTests {

    @Test
    void describesARealStoreByHostsDatabaseAndReplicaSetButNeverItsCredentials() {
        ConnectionString uri = new ConnectionString(
                "mongodb://pln-app:s3cret@mongo-1:27017,mongo-2:27017/pln?replicaSet=rs0&w=majority&authSource=admin");

        assertThat(StorageConfiguration.describe(uri))
                .isEqualTo("mongo-1:27017,mongo-2:27017, database pln, replica set rs0")
                .doesNotContain("s3cret", "pln-app");
    }
}

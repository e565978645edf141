package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Server commands mongo-java-server lacks or answers expensively, answered the way mongod does. */
final class ServerCommands {

    private ServerCommands() {
    }

    static boolean isHello(String command) {
        return command.equalsIgnoreCase("hello");
    }

    static boolean isListDatabases(String databaseName, String command) {
        return databaseName.equals("admin") && command.equalsIgnoreCase("listDatabases");
    }

    /**
     * {@code hello} (what drivers and Spring Boot's health indicator send since MongoDB 5) from the server's
     * {@code isMaster} answer: the same fields, with {@code isWritablePrimary} in place of {@code ismaster}.
     */
    static Document hello(Document isMaster) {
        Document hello = new Document("isWritablePrimary", isMaster.getOrDefault("ismaster", Boolean.TRUE));
        isMaster.forEach((field, value) -> {
            if (!field.equals("ismaster")) {
                hello.put(field, value);
            }
        });
        return hello;
    }

    /**
     * {@code listDatabases} from the databases already open. mongo-java-server's own answer re-opens every database
     * to list it, which re-reads every index of an H2 store: on each health check.
     */
    static Document listDatabases(Collection<String> names, Function<String, MongoDatabase> open) {
        List<Document> databases = names.stream().sorted().map(name -> new Document("name", name)
                .append("sizeOnDisk", 0L)
                .append("empty", open.apply(name).isEmpty())).toList();
        Document response = new Document("databases", databases).append("totalSize", 0L);
        Utils.markOkay(response);
        return response;
    }
}

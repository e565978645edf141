package com.personacomposer.devstack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the H2 store keeps documents, their {@code _id}s and unique-index keys: as BSON, compared as MongoDB compares
 * values. H2's default type writes them with Java serialization and orders unique-index keys (not {@link Comparable})
 * by serializing both sides of every comparison: about a third of the devstack's CPU under load (docs/benchmarks.md).
 */
final class BsonDataTypes {

    /** Documents, as BSON documents. */
    static final BasicDataType<Document> DOCUMENTS = new BsonType<>(new Format<>(
            (out, document) -> BsonEncoder.encodeDocument(document, out), BsonDecoder::decodeBson, null,
            // The map and its entries, with a small value per field.
            document -> 64 + 96 * document.size(), Document[]::new));

    /** A collection's document positions (the {@code _id}, or missing), in MongoDB's order of values. */
    static final BasicDataType<Object> POSITIONS = new BsonType<>(new Format<>(
            BsonDataTypes::writeValue, BsonDataTypes::readValue, BsonDataTypes::order, position -> 48, Object[]::new));

    /** Unique-index keys, ordered value by value as MongoDB orders values. */
    static final BasicDataType<KeyValue> KEY_VALUES = new BsonType<>(new Format<>(
            BsonDataTypes::writeKey, BsonDataTypes::readKey, BsonDataTypes::orderKeys, key -> 32 + 48 * key.size(),
            KeyValue[]::new));

    /** Written in place of a BSON type for a missing value (BSON has no type 0). */
    private static final byte MISSING = 0;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private BsonDataTypes() {
    }

    private static void writeValue(ByteBuf out, Object value) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
    }

    private static Object readValue(ByteBuf in) {
        byte type = in.readByte();
        return type == MISSING ? Missing.getInstance() : BsonDecoder.decodeValue(type, in);
    }

    private static void writeKey(ByteBuf out, KeyValue key) {
        out.writeByte(key.size());
        key.forEach(value -> writeValue(out, value));
    }

    private static KeyValue readKey(ByteBuf in) {
        int size = in.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(in));
        }
        return new KeyValue(values);
    }

    /** MongoDB's order of values; strings (most ids) compared directly, as {@link ValueComparator} compares them. */
    private static int order(Object a, Object b) {
        return a instanceof String x && b instanceof String y ? x.compareTo(y) : ORDER.compare(a, b);
    }

    private static int orderKeys(KeyValue a, KeyValue b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byValue = order(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * How a type's values are written and read, ordered ({@code order}: null for values, which H2 never compares),
     * estimated for H2's page cache ({@code memory}) and held in a page ({@code storage}).
     */
    private record Format<T>(BiConsumer<ByteBuf, T> encoder, Function<ByteBuf, T> decoder, Comparator<T> order,
                             ToIntFunction<T> memory, IntFunction<T[]> storage) {
    }

    /** Values written length-prefixed, each encoded into a buffer of its own and then copied into H2's. */
    private static final class BsonType<T> extends BasicDataType<T> {

        private final Format<T> format;

        BsonType(Format<T> format) {
            this.format = format;
        }

        @Override
        public void write(WriteBuffer buffer, T value) {
            ByteBuf out = Unpooled.buffer(256);
            format.encoder().accept(out, value);
            buffer.putInt(out.readableBytes()).put(out.nioBuffer());
        }

        @Override
        public T read(ByteBuffer buffer) {
            int length = buffer.getInt();
            ByteBuf in = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
            buffer.position(buffer.position() + length);
            return format.decoder().apply(in);
        }

        @Override
        public int compare(T a, T b) {
            return format.order() == null ? super.compare(a, b) : format.order().compare(a, b);
        }

        @Override
        public int getMemory(T value) {
            return format.memory().applyAsInt(value);
        }

        @Override
        public T[] createStorage(int size) {
            return format.storage().apply(size);
        }
    }
}

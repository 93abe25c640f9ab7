package io.stagehunt.detect.dga;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The character models of benign labels that a label's surprise is measured with, one per order: 5 (the
 * lowest held-out surprise on benign labels, it knows long stretches of real names), 3 and 2 (estimated from
 * many more examples per context, so they still judge fairly where the order-5 model has seen a context only a
 * few times). Order 4 added nothing the others did not already say. Immutable and thread-safe.
 */
public final class CharacterModels {

    private final CharacterModel order5;
    private final CharacterModel order3;
    private final CharacterModel order2;

    public CharacterModels(CharacterModel order5, CharacterModel order3, CharacterModel order2) {
        if (order5.order() != 5 || order3.order() != 3 || order2.order() != 2) {
            throw new IllegalArgumentException("expected models of order 5, 3 and 2");
        }
        this.order5 = order5;
        this.order3 = order3;
        this.order2 = order2;
    }

    /** Trains the three models on the same labels (normalized, one label each, no dots). */
    public static CharacterModels train(Iterable<String> labels) {
        return new CharacterModels(CharacterModel.train(labels, 5), CharacterModel.train(labels, 3),
                CharacterModel.train(labels, 2));
    }

    public CharacterModel order5() {
        return order5;
    }

    public CharacterModel order3() {
        return order3;
    }

    public CharacterModel order2() {
        return order2;
    }

    /** Entries in the three models, for size reports. */
    public int size() {
        return order5.size() + order3.size() + order2.size();
    }

    void write(DataOutput out) throws IOException {
        order5.write(out);
        order3.write(out);
        order2.write(out);
    }

    static CharacterModels read(DataInput in) throws IOException {
        CharacterModel order5 = CharacterModel.read(in);
        CharacterModel order3 = CharacterModel.read(in);
        CharacterModel order2 = CharacterModel.read(in);
        try {
            return new CharacterModels(order5, order3, order2);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad character models: " + e.getMessage(), e);
        }
    }
}

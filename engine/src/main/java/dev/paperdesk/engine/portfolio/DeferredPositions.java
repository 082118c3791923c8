package dev.paperdesk.engine.portfolio;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An immutable list of position views that is built on first read from a valuation captured when
 * the snapshot was published; later reads share it. Safe to read from any thread.
 */
public final class DeferredPositions extends AbstractList<PositionView> implements RandomAccess {
    private final int size;
    private Supplier<List<PositionView>> source;
    private volatile List<PositionView> views;
    /** The figures the views are made of, when the source has them: read without building views. */
    private final List<? extends PositionFigures> figures;

    /**
     * @param size how many views {@code source} builds (known up front so {@code size()} stays cheap)
     * @param source builds the views; called at most once, and must return exactly {@code size} views
     */
    public DeferredPositions(int size, Supplier<List<PositionView>> source) {
        this(size, source, null);
    }

    /**
     * @param size how many views {@code source} builds
     * @param source builds the views; called at most once, and must return exactly {@code size} views
     * @param figures the figures of those views in the same order, each equal to its view's (average
     *     price included, which they may work out when asked); {@code null} when there are none
     */
    public DeferredPositions(int size, Supplier<List<PositionView>> source, List<? extends PositionFigures> figures) {
        this.size = size;
        this.source = Objects.requireNonNull(source, "source");
        if (figures != null && figures.size() != size) {
            throw new IllegalArgumentException("" + figures.size() + " position figures, expected " + size);
        }
        this.figures = figures;
    }

    /**
     * The positions' figures: the views once built, else the figures they are made of (when given),
     * else the views built now. Equal, value and scale, to the views' own.
     */
    public List<? extends PositionFigures> figures() {
        List<PositionView> v = views;
        if (v != null || figures == null) {
            return v != null ? v : views();
        }
        return figures;
    }

    private List<PositionView> views() {
        List<PositionView> v = views;
        if (v == null) {
            synchronized (this) {
                v = views;
                if (v == null) {
                    v = List.copyOf(source.get());
                    if (v.size() != size) {
                        throw new IllegalStateException("built " + v.size() + " position views, expected " + size);
                    }
                    views = v;
                    source = null;
                }
            }
        }
        return v;
    }

    /** True once the views were built (for tests: a tick must not build them). */
    public boolean built() {
        return views != null;
    }

    @Override
    public PositionView get(int index) {
        return views().get(index);
    }

    @Override
    public int size() {
        return size;
    }
}

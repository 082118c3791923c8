package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The orders one engine step changed, each once in its latest state, in the order first changed.
 * A step changes one to three orders as a rule, so they are kept in an array searched by id (an
 * index by id is built only for a step that changes many, such as cancelling all), and the array is
 * reused by the next step: no map entry per change. A read-only list view.
 */
final class StepOrders extends AbstractList<Order> {
    /** Beyond this many orders a step looks them up in an index. */
    private static final int SCAN = 8;

    private Order[] orders = new Order[4];
    private int size;
    private Map<OrderId, Integer> index;

    /** Records {@code order}, replacing the state recorded for its id (which keeps its place). */
    void put(Order order) {
        int at = indexOf(order.id());
        if (at >= 0) {
            orders[at] = order;
            return;
        }
        if (size == orders.length) {
            orders = Arrays.copyOf(orders, size * 2);
        }
        orders[size] = order;
        if (index != null) {
            index.put(order.id(), size);
        }
        size++;
        if (index == null && size > SCAN) {
            index = new HashMap<>();
            for (int i = 0; i < size; i++) {
                index.put(orders[i].id(), i);
            }
        }
    }

    /** The state recorded for {@code id}, or {@code fallback} when this step did not change it. */
    Order getOrDefault(OrderId id, Order fallback) {
        int at = indexOf(id);
        return at >= 0 ? orders[at] : fallback;
    }

    private int indexOf(OrderId id) {
        if (index != null) {
            Integer at = index.get(id);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (orders[i].id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Forgets every order, for the next step; a large array or index is not kept. */
    @Override
    public void clear() {
        if (orders.length > 64) {
            orders = new Order[4];
        } else {
            Arrays.fill(orders, 0, size, null);
        }
        size = 0;
        index = null;
    }

    @Override
    public Order get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return orders[i];
    }

    @Override
    public int size() {
        return size;
    }
}

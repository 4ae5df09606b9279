package io.floodgate.inventory.holds;

import io.floodgate.contracts.Keys;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SaleEvent;
import io.floodgate.contracts.sale.SaleState;
import io.floodgate.inventory.seats.SectionUpdate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds each sale's events (keyed by sale) and sends the resulting state to every section of the
 * sale, keyed by section, so the task that owns a section's seats knows whether the sale is
 * paused or closed.
 */
public final class SaleFanOut implements Processor<String, SaleEvent, String, SectionUpdate> {
    private ProcessorContext<String, SectionUpdate> context;
    private KeyValueStore<String, SaleState> sales;

    @Override
    public void init(ProcessorContext<String, SectionUpdate> context) {
        this.context = context;
        this.sales = context.getStateStore(InventoryStores.SALES);
    }

    @Override
    public void process(Record<String, SaleEvent> record) {
        String saleId = record.value().meta().saleId();
        SaleState known = sales.get(saleId);
        SaleState state;
        if (record.value() instanceof SaleCreated created) {
            if (known != null) {
                return; // the first SaleCreated of a sale wins
            }
            state = SaleState.created(created);
        } else if (known == null) {
            return;
        } else {
            state = known.apply(record.value());
        }
        sales.put(saleId, state);
        state.config().sections().forEach(section -> context.forward(record.withKey(Keys.section(saleId, section.id()))
                .withValue(new SectionUpdate(state, section))));
    }
}

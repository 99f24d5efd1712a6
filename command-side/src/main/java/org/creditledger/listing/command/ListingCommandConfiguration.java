package org.creditledger.listing.command;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.creditledger.listing.api.WorkingDayCalendar;
import org.creditledger.platform.axon.LookupTableProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;


/**
 * The "one active entry per subject and list" table changes in the transaction that appends the event (a subscribing
 * processor), and its failures must fail the command: a subscribing processor's default listener error handler only
 * logs, which would store the second entry and leave the table wrong.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class ListingCommandConfiguration {

    @Autowired
    void subscribeLookupTables(EventProcessingConfigurer processing) {
        LookupTableProcessors.register(processing, ActiveListEntries.PROCESSING_GROUP);
    }

    /**
     * The red-list revocation process follows the event store in a tracking processor of its own, one thread and
     * segment (a listing and the revocations it causes stay in order); its token lives beside the read models' in
     * {@code token_entry}, so it resumes after a restart and runs on one node of several.
     */
    @Autowired
    void trackRedListRevocation(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(RedListRevocation.PROCESSING_GROUP, Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS));
    }

    /**
     * Working days for objection deadlines: public holidays and the weekend days worked instead, from
     * {@link CalendarProperties} (defaults: the 2025 schedule). Years without data count Monday to Friday.
     */
    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(CalendarProperties calendar) {
        return calendar.calendar();
    }
}

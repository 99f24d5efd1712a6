package org.creditledger.platform.i18n;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON answers carry {@code <field>Label} beside each labelled enum field ({@code "verdict": "RESTRICT",
 * "verdictLabel": "限制"}), in the request's language. Only the HTTP converter's mapper gets this, as a copy: the
 * application's {@code ObjectMapper} also writes read-model columns, which must not change with a reader's language.
 */
@Configuration(proxyBeanMethods = false)
class EnumLabelJson implements WebMvcConfigurer {

    private final Labels labels;

    EnumLabelJson(Labels labels) {
        this.labels = labels;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule module = new SimpleModule("enum-labels").setSerializerModifier(new AddLabels(labels));
        converters.stream()
                .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                .map(MappingJackson2HttpMessageConverter.class::cast)
                .forEach(json -> json.setObjectMapper(json.getObjectMapper().copy().registerModule(module)));
    }

    private static final class AddLabels extends BeanSerializerModifier {
        private final Labels labels;

        AddLabels(Labels labels) {
            this.labels = labels;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> withLabels = new ArrayList<>(properties.size());
            for (BeanPropertyWriter property : properties) {
                withLabels.add(property);
                String labelName = property.getName() + "Label";
                boolean declared = properties.stream().anyMatch(p -> p.getName().equals(labelName));
                if (labels.isLabelled(property.getType().getRawClass()) && !declared) {
                    withLabels.add(new LabelWriter(property, PropertyName.construct(labelName), labels));
                }
            }
            return withLabels;
        }
    }

    /**
     * Writes the label of the enum its base property holds; nothing when that is null. The request's language is
     * looked up once per answer and kept with that answer's serialization: asked of Spring for each label, it was read
     * from the {@code Accept-Language} header through the request's wrappers and the firewall's header-name check
     * every time, about 6% of a batch answer's request thread for its 8,000 labels (issue 13).
     */
    private static final class LabelWriter extends BeanPropertyWriter {
        private static final Object LOCALE = LabelWriter.class;
        private final transient Labels labels;

        LabelWriter(BeanPropertyWriter base, PropertyName name, Labels labels) {
            super(base, name);
            this.labels = labels;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            if (value != null) {
                generator.writeStringField(getName(), labels.label((Enum<?>) value, locale(provider)));
            }
        }

        private static Locale locale(SerializerProvider provider) {
            Locale locale = (Locale) provider.getAttribute(LOCALE);
            if (locale == null) {
                locale = Labels.currentLocale();
                provider.setAttribute(LOCALE, locale); // for this answer only: attributes set here last one call
            }
            return locale;
        }
    }
}

package org.frametag.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark rows of the records the JSON Lines output writes ({@code SentenceRecord}), with the
 * fields, names and order that Jackson gives them there: the Parquet output is the JSON Lines
 * output in columns, and follows it when a field is added. A map ({@code meta}: a document's date
 * and other fields, of any JSON type) is a string column holding its JSON object, as the JSON
 * Lines output writes it, so that no value changes type.
 */
final class RecordRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Field> fields;
    private final StructType schema;

    /** A property, with the rows of its elements for a list of records, or written as JSON for a map. */
    private record Field(BeanPropertyDefinition property, RecordRows nested, boolean json) {
    }

    RecordRows(Class<?> type) {
        BeanDescription description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        List<Field> fields = new ArrayList<>();
        List<StructField> columns = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            JavaType javaType = property.getPrimaryType();
            RecordRows nested = javaType.isCollectionLikeType() ? new RecordRows(javaType.getContentType().getRawClass()) : null;
            boolean json = javaType.isMapLikeType();
            DataType column = nested != null ? DataTypes.createArrayType(nested.schema, false)
                    : json ? DataTypes.StringType : scalar(javaType.getRawClass());
            fields.add(new Field(property, nested, json));
            columns.add(DataTypes.createStructField(property.getName(), column, !javaType.isPrimitive()));
        }
        this.fields = List.copyOf(fields);
        this.schema = DataTypes.createStructType(columns);
    }

    StructType schema() {
        return schema;
    }

    Row row(Object record) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field field = fields.get(i);
            Object value = field.property().getAccessor().getValue(record);
            if (value == null) {
                values[i] = null;
            } else if (field.json()) {
                values[i] = json(value);
            } else {
                values[i] = field.nested() == null ? value : ((List<?>) value).stream().map(field.nested()::row).toArray(Row[]::new);
            }
        }
        return RowFactory.create(values);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    private static DataType scalar(Class<?> type) {
        if (type == String.class) {
            return DataTypes.StringType;
        }
        if (type == int.class || type == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (type == long.class || type == Long.class) {
            return DataTypes.LongType;
        }
        if (type == boolean.class || type == Boolean.class) {
            return DataTypes.BooleanType;
        }
        throw new IllegalArgumentException("no Spark column type for " + type.getName());
    }
}

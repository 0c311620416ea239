package org.frametag.spark;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
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
 * output in columns, and follows it when a field is added.
 */
final class RecordRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Field> fields;
    private final StructType schema;

    private record Field(BeanPropertyDefinition property, RecordRows nested) {
    }

    RecordRows(Class<?> type) {
        BeanDescription description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        List<Field> fields = new ArrayList<>();
        List<StructField> columns = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            JavaType javaType = property.getPrimaryType();
            RecordRows nested = javaType.isCollectionLikeType() ? new RecordRows(javaType.getContentType().getRawClass()) : null;
            DataType column = nested != null ? DataTypes.createArrayType(nested.schema, false) : scalar(javaType.getRawClass());
            fields.add(new Field(property, nested));
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
            values[i] = field.nested() == null || value == null ? value
                    : ((List<?>) value).stream().map(field.nested()::row).toArray(Row[]::new);
        }
        return RowFactory.create(values);
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

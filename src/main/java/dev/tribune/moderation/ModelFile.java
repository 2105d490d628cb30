package dev.tribune.moderation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads and writes a model as a small compressed binary file; weights are stored as 16-bit
 * floats, which halves the file at no measurable cost in accuracy, and the same model always
 * gives the same bytes.
 */
public final class ModelFile {
    private static final int MAGIC = 0x5452424d; // "TRBM"
    /** Format 1: word weights only; format 2 adds the neural second opinion. */
    private static final int FORMAT = 1;
    private static final int FORMAT_WITH_CONTEXT = 2;

    private ModelFile() {}

    public static void write(TextClassifier m, Path path) throws IOException {
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            write(m, out);
        }
    }

    public static void write(TextClassifier m, OutputStream raw) throws IOException {
        Deflater deflater = new Deflater(9);
        DeflaterOutputStream zip = new DeflaterOutputStream(raw, deflater);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(m.context == null ? FORMAT : FORMAT_WITH_CONTEXT);
        out.writeUTF(m.target);
        out.writeUTF(m.description);
        TextClassifier.Settings s = m.settings;
        out.writeInt(s.bits());
        out.writeFloat(s.quoteWeight());
        out.writeBoolean(s.normalize());
        out.writeFloat(s.sentenceWeight());
        out.writeBoolean(s.lexicon());
        out.writeFloat(m.bias);
        out.writeFloat(m.calibA);
        out.writeFloat(m.calibB);
        out.writeFloat(m.threshold);
        out.writeInt(m.weights.length);
        for (float w : m.weights) out.writeShort(Float.floatToFloat16(w));
        if (m.context != null) {
            EmbeddingModel c = m.context;
            out.writeFloat(m.contextWeight);
            out.writeInt(c.bits);
            out.writeInt(c.dim);
            out.writeInt(c.hidden);
            for (float v : c.vectors) out.writeShort(Float.floatToFloat16(v));
            for (float v : c.layer) out.writeFloat(v);
            for (float v : c.layerBias) out.writeFloat(v);
            for (float v : c.out) out.writeFloat(v);
            out.writeFloat(c.outBias);
        }
        out.flush();
        zip.finish();
        deflater.end();
    }

    public static TextClassifier read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        }
    }

    public static TextClassifier read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw), 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException("not a Tribune model file");
        int format = in.readInt();
        if (format != FORMAT && format != FORMAT_WITH_CONTEXT) throw new IOException("unsupported model format " + format);
        String target = in.readUTF();
        String description = in.readUTF();
        TextClassifier.Settings s = new TextClassifier.Settings(in.readInt(), in.readFloat(), in.readBoolean(), in.readFloat(), in.readBoolean());
        float bias = in.readFloat();
        float a = in.readFloat();
        float b = in.readFloat();
        float threshold = in.readFloat();
        int n = in.readInt();
        if (n != 1 << s.bits()) throw new IOException("model file is damaged (weight count)");
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = Float.float16ToFloat(in.readShort());
        if (format == FORMAT) return new TextClassifier(target, description, s, w, bias, a, b, threshold);
        float contextWeight = in.readFloat();
        int bits = in.readInt();
        int dim = in.readInt();
        int hidden = in.readInt();
        if (bits < 1 || bits > 24 || dim < 1 || dim > 256 || hidden < 1 || hidden > 256) {
            throw new IOException("model file is damaged (network size)");
        }
        float[] vectors = new float[(1 << bits) * dim];
        for (int i = 0; i < vectors.length; i++) vectors[i] = Float.float16ToFloat(in.readShort());
        float[] layer = readFloats(in, hidden * dim);
        float[] layerBias = readFloats(in, hidden);
        float[] out = readFloats(in, hidden);
        float outBias = in.readFloat();
        EmbeddingModel context = new EmbeddingModel(bits, dim, hidden, vectors, layer, layerBias, out, outBias);
        return new TextClassifier(target, description, s, w, bias, a, b, threshold, context, contextWeight);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = in.readFloat();
        return f;
    }
}

/**
 * A network as a function of its weights: the spec, the master weights, forward and backward passes, losses and
 * activations. It imports only {@code data}: a network computes on numbers, and how it is trained (optimisers,
 * schedules, snapshots) is decided above it. {@link org.marginscope.model.Network} keeps the master weights as
 * plain {@code double[]} and sends each batch down one of three paths that compute the same function, each held
 * to the general one by tests; a new fast path goes beside them, a new activation into {@code ActivationKind} and
 * {@code Activation}, a new loss into {@code LossKind} and {@code Loss}.
 *
 * <ul>
 * <li>{@code NetworkSpec}, {@code LayerSpec}: the architecture as JSON (input dimension, dense layers, output head;
 *     explicit initial weights, trainable flags, the appended constant input).</li>
 * <li>{@code Network}: the master weights and the API: {@code forward}/{@code backward}, {@code logits},
 *     {@code layerOutput}, {@code sampleGradients} (every point's per-sample gradient factors in one pass).</li>
 * <li>{@code Parameters}: an immutable copy of the weights; snapshots hold these and they cross threads.</li>
 * <li>{@code Activation}, {@code ActivationKind}: the activation functions and their parameter.</li>
 * <li>{@code Loss}, {@code LossKind}: losses and their gradients in stable form (cross-entropy, exponential,
 *     square, hinge, Nar et al.'s differential loss).</li>
 * <li>{@code Initialiser}: how a layer's weights start.</li>
 * <li>{@code Nd4jPath}: the general path: ND4J products on off-heap buffers, and the ND4J mirror of the
 *     weights.</li>
 * <li>{@code FusedPath}, {@code FusedBottomPair}, {@code FusedPairVectorKernel}: a narrow input into a wide layer
 *     into a narrow one (Li et al.'s 2-2000-2) in one kernel, the wide activations never stored; the vector
 *     kernel on the JDK's Vector API when {@code Simd.enabled()}.</li>
 * <li>{@code PlainPath}, {@code SmallGemm}: nets a few units wide in heap arrays, never entering ND4J (van den
 *     Berg's 2-1-2); small products in Java loops.</li>
 * <li>{@code ActivationKernels}: bias add and activation, and their derivatives, as single loops over off-heap
 *     memory.</li>
 * <li>{@code Transcendentals}, {@code VectorTranscendentals}, {@code StableMath}: exp, log and tanh over whole
 *     arrays (in vector lanes where the Vector API is present); overflow-free sigmoid, tanh and softplus.</li>
 * <li>{@code NativeArrays}, {@code DirectGemm}: the only doors into ND4J's native code (allocation, products;
 *     one OpenBLAS call for plain row-major products), under a lock that the shutdown hook takes.</li>
 * <li>{@code Simd}: whether the Vector API module is in this JVM.</li>
 * <li>{@code BackendInfo}: which ND4J backend runs the numbers, in words.</li>
 * </ul>
 */
package org.marginscope.model;

package tmp; public class X {}

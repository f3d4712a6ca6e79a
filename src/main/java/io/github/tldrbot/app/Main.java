package io.github.tldrbot.app;
public class Main { public static void main(String[] a) { System.out.println("hi"); } }
